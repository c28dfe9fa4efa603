package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verified claims are kept compactly (they live on in the verified-token cache): tokens with the same claim names
 * share them, and equal strings in one payload, or equal to the issuer and audience, are one instance. None of it
 * shows: the map behaves as the immutable, insertion-ordered map it was.
 */
class CompactClaimsTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    @Test
    void tokensWithTheSameClaimNamesShareThem() throws Exception {
        BetterAuthVerifier verifier = builder(ED).build();
        AuthenticatedUser first = verifier.verify(token(ED).claim("jti", "one").signWith(ED));
        AuthenticatedUser second = verifier.verify(token(ED).claim("jti", "two").signWith(ED));
        AuthenticatedUser otherNames = verifier.verify(token(ED).claim("role", "admin").signWith(ED));

        assertThat(FrozenJson.sameShape(first.claims(), second.claims())).isTrue();
        assertThat(FrozenJson.sameShape(first.claims(), otherNames.claims())).isFalse();
        assertThat(second.claims()).containsEntry("jti", "two");
        assertThat(otherNames.claims()).containsEntry("role", "admin").doesNotContainKey("jti");
    }

    @Test
    void equalStringsOfAPayloadAndTheIssuerAndAudienceAreOneInstance() throws Exception {
        BetterAuthVerifier verifier = builder(ED).build();
        AuthenticatedUser first = verifier.verify(token(ED).claim("jti", "one").signWith(ED));
        AuthenticatedUser second = verifier.verify(token(ED).claim("jti", "two").signWith(ED));

        // Better Auth's jwt plugin repeats the user id as sub, and the base URL as iss and aud.
        assertThat(first.claims().get("sub")).isSameAs(first.claims().get("id")).isSameAs(first.id());
        assertThat(first.claims().get("iss")).isEqualTo(ISSUER).isSameAs(second.claims().get("iss"))
                .isSameAs(first.claims().get("aud")).isSameAs(first.issuer());
        assertThat(first.audience()).isSameAs(second.audience()).containsExactly(ISSUER);
    }

    @Test
    void theMapKeepsThePayloadsOrderAndEqualsAnOrdinaryMap() throws Exception {
        AuthenticatedUser user = builder(ED).build().verify(token(ED).claim("nothing", null).claim("list", List.of(1, 2))
                .claim("object", Map.of("a", "b")).signWith(ED));
        Map<String, Object> claims = user.claims();

        assertThat(new ArrayList<>(claims.keySet())).containsExactly("iat", "id", "createdAt", "updatedAt", "email",
                "emailVerified", "name", "sub", "exp", "iss", "aud", "nothing", "list", "object");
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        assertThat(claims).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(copy).isEqualTo(claims);
        assertThat(claims.containsKey("nothing")).isTrue();
        assertThat(claims.get("nothing")).isNull();
        assertThat(claims.getOrDefault("nothing", "x")).isNull();
        assertThat(claims.getOrDefault("absent", "x")).isEqualTo("x");
        assertThat(claims.containsKey("absent")).isFalse();
        assertThat(claims.containsValue("Alice")).isTrue();
        assertThat(claims.get("list")).isEqualTo(List.of(1L, 2L));
        assertThat(claims.get("object")).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void everyMutatorRefusesEvenWhenItWouldChangeNothing() throws Exception {
        Map<String, Object> claims = builder(ED).build().verify(token(ED).signWith(ED)).claims();
        List<Runnable> mutators = List.of(
                () -> claims.put("x", 1), () -> claims.remove("absent"), () -> claims.remove("sub"),
                () -> claims.putAll(Map.of()), () -> claims.clear(), () -> claims.replaceAll((k, v) -> v),
                () -> claims.putIfAbsent("sub", "x"), () -> claims.remove("sub", "x"),
                () -> claims.replace("sub", "x"), () -> claims.replace("sub", "a", "b"),
                () -> claims.computeIfAbsent("sub", k -> "x"), () -> claims.computeIfPresent("absent", (k, v) -> v),
                () -> claims.compute("sub", (k, v) -> v), () -> claims.merge("sub", "x", (a, b) -> a),
                () -> claims.keySet().remove("sub"), () -> claims.values().clear(),
                () -> claims.entrySet().iterator().next().setValue("x"),
                () -> {
                    var iterator = claims.entrySet().iterator();
                    iterator.next();
                    iterator.remove();
                });
        for (Runnable mutator : mutators) {
            assertThatThrownBy(mutator::run).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(claims).containsKey("sub").hasSize(11);
    }
}
