package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a presented session token is read: URL-decoded as {@code decodeURIComponent} would, split, checked. */
class SessionTokenTest {

    static final String TOKEN = "VPRs9MI6fpon29Ee3YSljZwCqdyFa7wW";
    static final String SIGNATURE = "p1+/q2ZxJ0kVvP8oR3tYb6n9LmW4cD5eF7gH8iJ0kLA=";

    @Test
    void readsTheEncodedAndThePlainFormAlike() throws TokenVerificationException {
        String encoded = TOKEN + "." + SIGNATURE.replace("+", "%2B").replace("/", "%2f").replace("=", "%3D");

        SessionToken plain = SessionToken.parse(TOKEN + "." + SIGNATURE, true, false);
        SessionToken decoded = SessionToken.parse(encoded, true, false);

        assertThat(decoded).isEqualTo(plain);
        assertThat(decoded.signature()).isEqualTo(SIGNATURE);
    }

    @Test
    void decodesEveryEscapeAsTheJdkDecoderDoes() {
        Random random = new Random(42);
        String alphabet = "Ab9+/=._-%~ é€";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String encoded = i % 2 == 0 ? raw.toString()
                    : java.net.URLEncoder.encode(raw.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            String key = SessionToken.cacheKey(encoded + ".x", false);
            String expected;
            try {
                expected = RemoteAnswerCache.key(URLDecoder.decode(encoded.replace("+", "%2B") + ".x",
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                expected = null;
            }
            assertThat(key).as(encoded).isEqualTo(encoded.isEmpty() ? RemoteAnswerCache.key(".x") : expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "%G0", "%0G", "%%30", "abc%", "%٣٣"})
    void refusesABrokenEscape(String escape) {
        assertThatThrownBy(() -> SessionToken.parse(TOKEN + escape + "." + SIGNATURE, true, false))
                .isInstanceOfSatisfying(TokenVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void keepsAPlusAsAPlus() throws TokenVerificationException {
        assertThat(SessionToken.parse(TOKEN + ".%2B" + SIGNATURE.substring(1), true, false).signature())
                .isEqualTo("+" + SIGNATURE.substring(1));
    }
}
