package dev.betterauth4j.servlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenParserTest {

    @Test
    void noHeaderMeansNoCredentials() {
        assertThat(BearerTokenParser.parse(List.of()).kind()).isEqualTo(BearerCredentials.Kind.ABSENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER abc.def.ghi", "Bearer   abc.def.ghi",
            "Bearer a-b_c~d+e/f==", "Bearer x"})
    void acceptsRfc6750Credentials(String header) {
        BearerCredentials credentials = BearerTokenParser.parse(List.of(header));

        assertThat(credentials.kind()).isEqualTo(BearerCredentials.Kind.TOKEN);
        assertThat(credentials.token()).isEqualTo(header.substring(header.lastIndexOf(' ') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Digest x", "Bearerx abc", "Token abc", "", "DPoP abc"})
    void treatsOtherSchemesAsNoBearerCredentials(String header) {
        assertThat(BearerTokenParser.parse(List.of(header)).kind()).isEqualTo(BearerCredentials.Kind.ABSENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "Bearer abc def", "Bearer abc\u0000", "Bearer ab\u00e9",
            "Bearer =abc", "Bearer abc=def", "Bearer abc,", "Bearer\tabc", "Bearer,abc", "Bearer abc ", "Bearer \"abc\""})
    void refusesMalformedBearerCredentialsAsInvalidRequest(String header) {
        assertThat(BearerTokenParser.parse(List.of(header)).kind()).isEqualTo(BearerCredentials.Kind.INVALID_REQUEST);
    }

    @Test
    void refusesMoreThanOneAuthorizationHeader() {
        BearerCredentials credentials = BearerTokenParser.parse(List.of("Bearer a", "Bearer a"));

        assertThat(credentials.kind()).isEqualTo(BearerCredentials.Kind.INVALID_REQUEST);
        assertThat(credentials.problem()).contains("more than one");
    }

    @Test
    void neverPutsTheTokenInItsDescription() {
        assertThat(BearerTokenParser.parse(List.of("Bearer secret-token")).toString()).doesNotContain("secret-token");
    }

    @Test
    void describesATokenNotYetCheckedWithoutAProblem() {
        assertThat(BearerTokenParser.read("Bearer abc.def.ghi").toString()).isEqualTo("BearerCredentials[TOKEN]");
        assertThat(BearerTokenParser.parse("Bearer a,b").toString()).startsWith("BearerCredentials[INVALID_REQUEST: ");
    }

    @Test
    void appliesTheSameSyntaxToACookieValue() {
        assertThat(BearerTokenParser.fromCookieValue("api_token", "abc.def.ghi").kind()).isEqualTo(BearerCredentials.Kind.TOKEN);
        assertThat(BearerTokenParser.fromCookieValue("api_token", "abc def").kind()).isEqualTo(BearerCredentials.Kind.INVALID_REQUEST);
        assertThat(BearerTokenParser.fromCookieValue("api_token", "").kind()).isEqualTo(BearerCredentials.Kind.INVALID_REQUEST);
    }
}
