package dev.betterauth4j.servlet;

/** The filter contract on embedded Tomcat 11. */
class TomcatFilterContractTest extends FilterContractTest {

    @Override
    ServletContainer.Factory containers() {
        return TomcatContainer::start;
    }
}
