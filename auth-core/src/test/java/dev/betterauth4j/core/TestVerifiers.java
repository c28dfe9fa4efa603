package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Verifiers over fixed keys, as most specification tests need them. */
final class TestVerifiers {

    static final String ISSUER = "https://auth.example.com";
    static final Instant NOW = Instant.parse("2026-11-24T22:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SECRET = "x8Kc2Vq9Lm4Tz7Rb1Nw6Hs3Jd5Pf0Ga8Ue2Yi9Oq4Wt";

    private TestVerifiers() {
    }

    /** Better Auth's defaults: iss and aud are the base URL, keys are these. */
    static BetterAuthVerifierBuilder builder(SigningKey... keys) {
        List<JWK> jwks = Arrays.stream(keys).map(SigningKey::publicJwk).toList();
        return BetterAuthVerifier.builder()
                .baseUrl(URI.create(ISSUER))
                .jwks(new JWKSet(jwks))
                .clock(CLOCK);
    }

    static BetterAuthVerifier verifier(SigningKey... keys) {
        return builder(keys).build();
    }

    static TestToken token(SigningKey key) {
        return TestToken.betterAuth(key, ISSUER, NOW.minusSeconds(30));
    }
}
