package dev.betterauth4j.consumer;

import com.nimbusds.jose.jwk.JWKSet;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.Filter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An application's use of the published artifacts: verifies a token that a Better Auth server signed with EdDSA
 * against that server's key set, both fixed (src/main/resources), and builds the servlet filter around the verifier.
 * Fails, and so fails the build, unless the token verifies to the expected user.
 */
public final class Consumer {

    static final String ISSUER = "https://app.example.com";
    static final String USER_ID = "consumer-check-user";

    private Consumer() {
    }

    public static void main(String[] args) throws Exception {
        BetterAuthVerifier verifier = BetterAuthVerifier.builder()
                .jwks(JWKSet.parse(resource("jwks.json")))
                .issuer(ISSUER)
                .audiences(ISSUER)
                .build();
        AuthenticatedUser user = verifier.verify(resource("token.txt").strip());
        if (!USER_ID.equals(user.id())) {
            throw new IllegalStateException("verified the wrong user: " + user.id());
        }
        Filter filter = BetterAuthFilter.builder(verifier).publicPaths("/health").build();
        System.out.println("consumer: verified " + user.id() + " <" + user.email() + "> (" + verifier + "); "
                + filter.getClass().getSimpleName() + " built");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Consumer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
