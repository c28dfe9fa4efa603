package dev.betterauth4j.interop;

import com.nimbusds.jose.util.Base64URL;

import java.util.Map;

/** Reads a compact JWS's parts, to check what Better Auth put in them and to tamper with them. */
final class Jwt {

    private Jwt() {
    }

    static Map<String, Object> header(String token) {
        return BetterAuthClient.parse(new Base64URL(token.split("\\.")[0]).decodeToString());
    }

    static Map<String, Object> payload(String token) {
        return BetterAuthClient.parse(new Base64URL(token.split("\\.")[1]).decodeToString());
    }

    /** The same token with {@code sub} changed in the payload and the original signature kept. */
    static String withForgedSubject(String token, String subject) {
        String[] parts = token.split("\\.");
        String payload = new Base64URL(parts[1]).decodeToString();
        String sub = (String) payload(token).get("sub");
        String forged = payload.replace("\"sub\":\"" + sub + "\"", "\"sub\":\"" + subject + "\"");
        if (forged.equals(payload)) {
            throw new IllegalStateException("sub not found in " + payload);
        }
        return parts[0] + "." + Base64URL.encode(forged) + "." + parts[2];
    }
}
