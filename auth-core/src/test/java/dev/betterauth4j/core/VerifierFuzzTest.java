package dev.betterauth4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets for {@link BetterAuthVerifier#verify}. The property, for every input: the verifier returns a
 * user or throws {@link TokenVerificationException}, never anything else, within the time bound; it never accepts a
 * token whose signature an independent JDK check rejects; an accepted token satisfies every claim rule; and no
 * rejection message repeats the token.
 *
 * <p>{@code ./mvnw verify} replays the committed seeds and past findings
 * ({@code src/test/resources/dev/betterauth4j/core/VerifierFuzzTestInputs/<method>/}). To fuzz one target for real:
 * <pre>
 * scripts/fuzz.sh auth-core VerifierFuzzTest#verifyArbitraryTokensWithAKeySet 600              (a chosen duration, Jazzer CLI)
 * JAZZER_FUZZ=1 ./mvnw -pl auth-core test -Dtest='VerifierFuzzTest#verifyArbitraryTokensWithAKeySet'   (JUnit, for the 10 minutes of maxDuration)
 * </pre>
 */
class VerifierFuzzTest {

    private static final FuzzKeys KEYS = FuzzKeys.load();
    private static final BetterAuthVerifier KEY_SET = KEYS.keySetVerifier();
    private static final BetterAuthVerifier SECRET = KEYS.secretVerifier();
    private static final Duration SKEW = Duration.ofSeconds(60);

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void verifyArbitraryTokensWithAKeySet(byte[] input) {
        check(KEY_SET, new String(input, StandardCharsets.ISO_8859_1));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void verifyArbitraryTokensWithASecret(byte[] input) {
        check(SECRET, new String(input, StandardCharsets.ISO_8859_1));
    }

    /** Header and payload JSON from the fuzzer, signed with a trusted key, so claim validation is reached. */
    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void verifySignedMutationsWithAKeySet(byte[] input) {
        String[] json = headerAndPayload(input);
        check(KEY_SET, KEYS.signEs256(json[0], json[1]));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void verifySignedMutationsWithASecret(byte[] input) {
        String[] json = headerAndPayload(input);
        check(SECRET, KEYS.signHs256(json[0], json[1]));
    }

    /** Seeds are {@code <header JSON> NUL <payload JSON>}; without a NUL the whole input is the payload. */
    static String[] headerAndPayload(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf('\0');
        return split < 0 ? new String[] {"{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\"}", text}
                : new String[] {text.substring(0, split), text.substring(split + 1)};
    }

    static void check(BetterAuthVerifier verifier, String token) {
        AuthenticatedUser user;
        try {
            user = verifier.verify(token);
        } catch (TokenVerificationException e) {
            assertThat(e.reason()).isNotNull();
            if (token.length() >= 16) {
                assertThat(e.getMessage()).doesNotContain(token);
            }
            return;
        }
        assertThat(KEYS.signedByTrustedKey(token)).as("accepted a token no trusted key signed: %s", token).isTrue();
        assertThat(user.id()).isNotEmpty();
        assertThat(user.issuer()).isEqualTo(FuzzKeys.ISSUER);
        assertThat(user.audience()).contains(FuzzKeys.ISSUER);
        assertThat(user.expiresAt()).isAfter(FuzzKeys.NOW.minus(SKEW));
        assertThat(user.toString()).doesNotContain(token);
    }
}
