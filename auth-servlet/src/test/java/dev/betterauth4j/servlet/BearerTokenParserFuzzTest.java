package dev.betterauth4j.servlet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for the RFC 6750 header parser: any header value gives absent, a token or invalid_request,
 * never an exception; a token is only ever a {@code b64token} taken from a {@code Bearer} header; two headers are
 * always invalid_request; the problem text never repeats the header.
 *
 * <pre>
 * scripts/fuzz.sh auth-servlet BearerTokenParserFuzzTest#parseAuthorizationHeaders 600              (a chosen duration, Jazzer CLI)
 * JAZZER_FUZZ=1 ./mvnw -pl auth-servlet test -Dtest='BearerTokenParserFuzzTest#parseAuthorizationHeaders'   (JUnit, for the 10 minutes of maxDuration)
 * </pre>
 */
class BearerTokenParserFuzzTest {

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void parseAuthorizationHeaders(byte[] input) {
        String header = new String(input, StandardCharsets.ISO_8859_1);
        BearerCredentials credentials = BearerTokenParser.parse(List.of(header));

        assertThat(credentials.kind()).isNotNull();
        switch (credentials.kind()) {
            case TOKEN -> {
                assertThat(header.toLowerCase(Locale.ROOT)).startsWith("bearer ");
                assertThat(B64TOKEN.matcher(credentials.token()).matches()).as(credentials.token()).isTrue();
                assertThat(header).endsWith(credentials.token());
            }
            case INVALID_REQUEST -> {
                assertThat(credentials.problem()).isNotBlank();
                if (header.length() > 12) {
                    assertThat(credentials.problem()).doesNotContain(header);
                }
            }
            case ABSENT -> assertThat(credentials.token()).isNull();
            default -> throw new AssertionError(credentials);
        }
        assertThat(BearerTokenParser.parse(List.of(header, header)).kind())
                .isEqualTo(BearerCredentials.Kind.INVALID_REQUEST);
        assertThat(BearerTokenParser.fromCookieValue("api_token", header).kind()).isNotEqualTo(BearerCredentials.Kind.ABSENT);
    }
}
