package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The build runs this suite twice: in auth-core on the Nimbus it declares (10.x), and in compat/nimbus-9 on 9.37.3,
 * the line Spring Security 6.5 declares. Each run is told which version it must be on, so a dependency change cannot
 * quietly turn the compatibility run into a second run on 10.x.
 */
class NimbusVersionTest {

    /** Set by the surefire configuration of auth-core and of compat/nimbus-9 to the version each pins. */
    private static final String EXPECTED = System.getProperty("betterauth4j.nimbus.expected");

    @Test
    void runsOnTheNimbusVersionTheBuildPinned() {
        assumeTrue(EXPECTED != null, "run by Maven, which names the expected Nimbus version");

        assertThat(JWSAlgorithm.class.getPackage().getImplementationVersion()).isEqualTo(EXPECTED);
    }
}
