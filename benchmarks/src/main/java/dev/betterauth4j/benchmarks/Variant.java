package dev.betterauth4j.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The columns of the report: every variant, the benchmark class that measures it, the algorithms it can verify, and
 * why it cannot verify the others. The benchmark classes' {@code @Param} lists must equal {@link #supported}; the
 * {@link dev.betterauth4j.benchmarks.tools.SupportProbe} checks that, and that each left-out combination really is
 * refused by the library, so an "unsupported" in the tables is a fact, not a guess.
 */
public enum Variant {

    floor(FloorBenchmark.class, Fixture.ALGORITHMS, Map.of(),
            "bare JDK crypto over precomputed signing input and signature"),
    floorTink(TinkFloorBenchmark.class, List.of("EdDSA"), Map.of(),
            "Tink's pure-Java Ed25519 (subtle.Ed25519Verify), same input"),
    floorBouncyCastle(BouncyCastleFloorBenchmark.class, List.of("EdDSA"), Map.of(),
            "Bouncy Castle's Ed25519 (low-level math.ec.rfc8032.Ed25519, key decoded once), same input"),
    floorBouncyCastleSigner(BouncyCastleFloorBenchmark.class, List.of("EdDSA"), Map.of(),
            "Bouncy Castle's Ed25519Signer API, same input"),
    floorPlusParse(FloorBenchmark.class, Fixture.ALGORITHMS, Map.of(),
            "minimal correct verifier: split, base64url, Jackson readTree, alg/kid, JDK crypto, exp/iss/aud/sub"),
    floorPlusParseTink(TinkFloorBenchmark.class, List.of("EdDSA"), Map.of(),
            "the minimal correct verifier with Tink's Ed25519 in place of the JDK's"),
    floorPlusParseBouncyCastle(BouncyCastleFloorBenchmark.class, List.of("EdDSA"), Map.of(),
            "the minimal correct verifier with Bouncy Castle's low-level Ed25519 in place of the JDK's"),
    betterauth4jCold(BetterAuth4jBenchmark.class, Fixture.ALGORITHMS, Map.of(),
            "BetterAuthVerifier, no token cache; Ed25519 on the JDK (auth-core's default dependency tree)"),
    betterauth4jColdTink(BetterAuth4jTinkBenchmark.class, List.of("EdDSA"), Map.of(),
            "BetterAuthVerifier, no token cache, with Tink on the classpath (Nimbus' Tink-based Ed25519Verifier)"),
    betterauth4jColdBouncyCastle(BetterAuth4jBouncyCastleBenchmark.class, List.of("EdDSA"), Map.of(),
            "BetterAuthVerifier, no token cache, with Bouncy Castle on the classpath (its RFC 8032 Ed25519)"),
    betterauth4jCacheHit(BetterAuth4jBenchmark.class, Fixture.ALGORITHMS, Map.of(),
            "BetterAuthVerifier with tokenCacheSize(10_000), same token again"),
    nimbus(NimbusBenchmark.class, List.of("ES256", "ES512", "RS256", "PS256", "HS256"),
            Map.of("EdDSA", "DefaultJWSVerifierFactory has no EdDSA verifier and the key selector cannot turn an OKP"
                    + " JWK into a Java key; Nimbus' Ed25519Verifier needs Tink and hand wiring"),
            "Nimbus DefaultJWTProcessor + JWSVerificationKeySelector(ImmutableJWKSet / ImmutableSecret)"
                    + " + DefaultJWTClaimsVerifier"),
    springNimbusJwtDecoder(SpringBenchmark.class, List.of("ES256", "ES512", "RS256", "PS256", "HS256"),
            Map.of("EdDSA", "Spring Security's SignatureAlgorithm has no EdDSA"),
            "Spring Security NimbusJwtDecoder + createDefaultWithIssuer + JwtAudienceValidator"),
    jose4j(Jose4jBenchmark.class, Fixture.ALGORITHMS, Map.of(),
            "jose4j JwtConsumerBuilder (verification key, issuer, audience, exp, sub, algorithm constraint)"),
    auth0(Auth0Benchmark.class, List.of("ES256", "ES512", "RS256", "HS256"),
            Map.of("EdDSA", "java-jwt's Algorithm has no EdDSA",
                    "PS256", "java-jwt's Algorithm has no RSASSA-PSS"),
            "Auth0 java-jwt JWT.require(Algorithm...).withIssuer().withAudience()");

    public final Class<?> benchmarkClass;
    public final List<String> supported;
    /** Reasons for the algorithms this library cannot verify (not set for "not applicable", e.g. Tink vs RSA). */
    public final Map<String, String> unsupported;
    public final String description;

    Variant(Class<?> benchmarkClass, List<String> supported, Map<String, String> unsupported, String description) {
        this.benchmarkClass = benchmarkClass;
        this.supported = supported;
        this.unsupported = unsupported;
        this.description = description;
    }

    /** The JMH benchmark name, {@code <class>.<variant>}. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + name();
    }
}
