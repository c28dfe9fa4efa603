package dev.betterauth4j.servlet;

/** The filter's OAuth contract on embedded Tomcat 11. */
class TomcatOAuthFilterContractTest extends OAuthFilterContractTest {

    @Override
    ServletContainer.Factory containers() {
        return TomcatContainer::start;
    }
}
