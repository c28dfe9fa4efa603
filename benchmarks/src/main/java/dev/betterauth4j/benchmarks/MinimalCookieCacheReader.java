package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The least a correct reader of Better Auth's session cookie cache must do ({@code floorPlusParse} of
 * {@link CookieCacheBenchmark}): percent-decode the session cookie and check its token's HMAC; split and
 * base64url-decode the cache; check its MAC, tag or signature ({@link CookieCacheCrypto}); parse what it protects as
 * JSON (Jackson {@code readTree}); check the cache's expiry, the session's expiry, that the cache's session token is
 * the cookie's, and the user's id. Nothing derived from either cookie is cached. Not thread-safe (it holds a
 * {@link CookieCacheCrypto}).
 */
public final class MinimalCookieCacheReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final String EXPIRES_AT = ",\"expiresAt\":";

    private final CookieCacheCrypto crypto;

    /** A reader over {@code crypto}, which it uses alone (one per thread). */
    public MinimalCookieCacheReader(CookieCacheCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * The user of a cache, checked against its session cookie.
     *
     * @param sessionCookie the {@code session_token} cookie's value, as sent
     * @param cache         the {@code session_data} cookie's value
     * @throws IllegalArgumentException when anything does not hold
     */
    public JsonNode read(String sessionCookie, String cache) throws IOException {
        String signed = URLDecoder.decode(sessionCookie, StandardCharsets.UTF_8);
        int dot = signed.lastIndexOf('.');
        String token = signed.substring(0, dot);
        if (!crypto.hmacSha256(token.getBytes(StandardCharsets.US_ASCII),
                Base64.getDecoder().decode(signed.substring(dot + 1)))) {
            throw new IllegalArgumentException("session signature");
        }
        String[] parts = cache.split("\\.", -1);
        JsonNode payload;
        long expiresAtMillis;
        switch (parts.length) {
            case 1 -> {
                String text = new String(BASE64URL.decode(cache), StandardCharsets.UTF_8);
                int expires = text.lastIndexOf(EXPIRES_AT);
                int signature = text.indexOf(",\"signature\":\"", expires);
                String session = text.substring("{\"session\":".length(), expires);
                String expiresAt = text.substring(expires + EXPIRES_AT.length(), signature);
                String mac = text.substring(signature + ",\"signature\":\"".length(), text.length() - 2);
                byte[] input = (session.substring(0, session.length() - 1) + EXPIRES_AT + expiresAt + "}")
                        .getBytes(StandardCharsets.UTF_8);
                if (!crypto.hmacSha256(input, BASE64URL.decode(mac))) {
                    throw new IllegalArgumentException("compact signature");
                }
                payload = MAPPER.readTree(session);
                expiresAtMillis = Long.parseLong(expiresAt);
            }
            case 3 -> {
                JsonNode header = MAPPER.readTree(BASE64URL.decode(parts[0]));
                byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
                byte[] signature = BASE64URL.decode(parts[2]);
                boolean valid = switch (header.path("alg").asText()) {
                    case "HS256" -> crypto.hmacSha256(input, signature);
                    case "EdDSA" -> crypto.ed25519(input, signature);
                    default -> false;
                };
                if (!valid) {
                    throw new IllegalArgumentException("signature");
                }
                payload = MAPPER.readTree(BASE64URL.decode(parts[1]));
                expiresAtMillis = payload.path("exp").asLong() * 1000;
            }
            case 5 -> {
                JsonNode header = MAPPER.readTree(BASE64URL.decode(parts[0]));
                if (!"dir".equals(header.path("alg").asText())
                        || !"A256CBC-HS512".equals(header.path("enc").asText())) {
                    throw new IllegalArgumentException("enc");
                }
                byte[] plaintext = crypto.decryptA256CbcHs512(parts[0].getBytes(StandardCharsets.US_ASCII),
                        BASE64URL.decode(parts[2]), BASE64URL.decode(parts[3]), BASE64URL.decode(parts[4]));
                if (plaintext == null) {
                    throw new IllegalArgumentException("tag");
                }
                payload = MAPPER.readTree(plaintext);
                expiresAtMillis = payload.path("exp").asLong() * 1000;
            }
            default -> throw new IllegalArgumentException("shape");
        }
        long now = System.currentTimeMillis();
        JsonNode session = payload.path("session");
        JsonNode user = payload.path("user");
        if (expiresAtMillis <= now
                || Instant.parse(session.path("expiresAt").asText()).toEpochMilli() <= now
                || !token.equals(session.path("token").asText())
                || user.path("id").asText().isEmpty()
                || !user.path("id").asText().equals(session.path("userId").asText())) {
            throw new IllegalArgumentException("claims");
        }
        return user;
    }
}
