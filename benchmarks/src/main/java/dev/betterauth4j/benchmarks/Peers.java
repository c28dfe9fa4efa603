package dev.betterauth4j.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.betterauth4j.benchmarks.Fixture.ISSUER;

/**
 * Every verifier under test, each configured the way its documentation recommends for a single known key (or the
 * shared secret), an expected issuer and audience, and the one algorithm the token uses.
 */
public final class Peers {

    private Peers() {
    }

    /** betterauth4j: a fixed JWK set (or the shared secret), issuer, audience, the one algorithm. */
    public static BetterAuthVerifier betterauth4j(Fixture fixture, int tokenCacheSize) {
        BetterAuthVerifierBuilder builder = BetterAuthVerifier.builder()
                .issuer(ISSUER)
                .audiences(ISSUER)
                .algorithms(fixture.algorithm);
        if (fixture.algorithm.startsWith("HS")) {
            builder.sharedSecret(Fixture.SECRET);
        } else {
            builder.jwks(fixture.jwkSet);
        }
        if (tokenCacheSize > 0) {
            builder.tokenCacheSize(tokenCacheSize);
        }
        return builder.build();
    }

    /**
     * Nimbus JOSE+JWT: {@code DefaultJWTProcessor}, {@code JWSVerificationKeySelector} over an
     * {@code ImmutableJWKSet} (HS256: {@code ImmutableSecret}), {@code DefaultJWTClaimsVerifier} for iss, aud, exp
     * and sub.
     */
    public static DefaultJWTProcessor<SecurityContext> nimbus(Fixture fixture) {
        JWKSource<SecurityContext> keys = fixture.algorithm.startsWith("HS")
                ? new ImmutableSecret<>(fixture.secret)
                : new ImmutableJWKSet<>(fixture.jwkSet);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(fixture.algorithm), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                ISSUER,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                Set.of("sub", "exp")));
        return processor;
    }

    /**
     * Spring Security's {@code NimbusJwtDecoder} with {@code JwtValidators.createDefaultWithIssuer} plus a
     * {@code JwtAudienceValidator}. RS256/PS256: {@code withPublicKey(RSAPublicKey)}; HS256: {@code withSecretKey};
     * ES256/ES512: Spring 6.5 has no {@code withPublicKey} for EC keys, so {@code withJwkSetUri} against a loopback
     * JWKS endpoint (what a Spring resource server for Better Auth would use anyway); the key set is fetched once
     * and then served from Spring's cache, {@link SpringPeer#jwksRequests()} counts the fetches.
     */
    public static SpringPeer spring(Fixture fixture) {
        HttpServer server = null;
        AtomicInteger requests = new AtomicInteger();
        NimbusJwtDecoder decoder;
        switch (fixture.algorithm) {
            case "HS256" -> decoder = NimbusJwtDecoder
                    .withSecretKey(new SecretKeySpec(fixture.secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            case "RS256", "PS256" -> decoder = NimbusJwtDecoder
                    .withPublicKey((RSAPublicKey) fixture.publicKey)
                    .signatureAlgorithm(SignatureAlgorithm.from(fixture.algorithm))
                    .build();
            case "ES256", "ES512" -> {
                server = jwksServer(fixture, requests);
                decoder = NimbusJwtDecoder
                        .withJwkSetUri("http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks")
                        .jwsAlgorithm(SignatureAlgorithm.from(fixture.algorithm))
                        .build();
            }
            default -> {
                // EdDSA: SignatureAlgorithm has no constant for it, so there is nothing to configure.
                SignatureAlgorithm algorithm = SignatureAlgorithm.from(fixture.algorithm);
                throw new UnsupportedOperationException("Spring Security's SignatureAlgorithm.from(\""
                        + fixture.algorithm + "\") is " + algorithm + "; it knows only "
                        + Arrays.toString(SignatureAlgorithm.values()));
            }
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtAudienceValidator(ISSUER)));
        return new SpringPeer(decoder, server, requests);
    }

    /** A Spring decoder and the loopback JWKS endpoint it may use. */
    public record SpringPeer(NimbusJwtDecoder decoder, HttpServer server, AtomicInteger jwksRequests)
            implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static HttpServer jwksServer(Fixture fixture, AtomicInteger requests) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = fixture.jwkSet.toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/auth/jwks", exchange -> {
                requests.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the loopback JWKS server", e);
        }
    }

    /**
     * jose4j: {@code JwtConsumerBuilder} with the verification key, expected issuer and audience, required
     * {@code exp} and {@code sub}, and the one permitted algorithm.
     */
    public static JwtConsumer jose4j(Fixture fixture) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(ISSUER)
                .setVerificationKey(fixture.algorithm.startsWith("HS") ? new HmacKey(fixture.secret) : fixture.publicKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, fixture.algorithm)
                .build();
    }

    /** Auth0 java-jwt: {@code JWT.require(Algorithm.X(key)).withIssuer(..).withAudience(..).build()}. */
    public static JWTVerifier auth0(Fixture fixture) {
        Algorithm algorithm = switch (fixture.algorithm) {
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) fixture.publicKey);
            case "ES512" -> Algorithm.ECDSA512((ECPublicKey) fixture.publicKey);
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) fixture.publicKey);
            case "HS256" -> Algorithm.HMAC256(fixture.secret);
            default -> throw new UnsupportedOperationException("com.auth0.jwt.algorithms.Algorithm has no factory for "
                    + fixture.algorithm + "; it offers " + auth0Factories());
        };
        return JWT.require(algorithm).withIssuer(ISSUER).withAudience(ISSUER).build();
    }

    /** The names of Auth0's public static {@code Algorithm} factories (evidence for what it cannot do). */
    public static Set<String> auth0Factories() {
        Set<String> names = new TreeSet<>();
        for (Method method : Algorithm.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() == Algorithm.class && !method.getName().equals("none")) {
                names.add(method.getName());
            }
        }
        return names;
    }
}
