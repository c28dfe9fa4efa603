package dev.betterauth4j.servlet;

/** The filter contract on embedded Jetty 12 (ee10). */
class JettyFilterContractTest extends FilterContractTest {

    @Override
    ServletContainer.Factory containers() {
        return JettyContainer::start;
    }
}
