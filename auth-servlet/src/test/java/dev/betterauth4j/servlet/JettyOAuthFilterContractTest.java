package dev.betterauth4j.servlet;

/** The filter's OAuth contract on embedded Jetty 12 (ee10). */
class JettyOAuthFilterContractTest extends OAuthFilterContractTest {

    @Override
    ServletContainer.Factory containers() {
        return JettyContainer::start;
    }
}
