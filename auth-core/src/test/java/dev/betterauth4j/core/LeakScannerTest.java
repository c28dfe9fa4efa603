package dev.betterauth4j.core;

import dev.betterauth4j.testsupport.LeakScanner;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner the no-leak tests rely on does find what they look for. */
class LeakScannerTest {

    private final LeakScanner scanner = new LeakScanner(TestVerifiers.SECRET);
    private final SigningKey key = SigningKey.of("EdDSA");
    private final String token = TestVerifiers.token(key).signWith(key);

    @Test
    void findsAWholeToken() {
        assertThat(scanner.leaks("t", "rejected token " + token)).isNotEmpty();
    }

    @Test
    void findsATokensHeaderAlone() {
        assertThat(scanner.leaks("t", "header=" + token.substring(0, token.indexOf('.')))).isNotEmpty();
    }

    @Test
    void findsASignatureAlone() {
        assertThat(scanner.leaks("t", "sig " + token.substring(token.lastIndexOf('.') + 1) + " end")).isNotEmpty();
    }

    @Test
    void findsAConfiguredSecret() {
        assertThat(scanner.leaks("t", "secret=" + TestVerifiers.SECRET)).isNotEmpty();
    }

    @Test
    void ignoresOrdinaryLogText() {
        assertThat(scanner.leaks("t", "JWKS refreshed: key ids [kid-EdDSA, luPhHcyB00NP8JMHXAjEHIEOhzIAyFc5] at "
                + "dev.betterauth4j.core.HostileKeySourceTest.aResponseThatDripsOneByteASecondIsBoundedByTheReadTimeout"))
                .isEmpty();
    }
}
