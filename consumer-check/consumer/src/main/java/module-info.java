/** Compiled on the module path: each {@code requires} fails unless the jar carries that Automatic-Module-Name. */
module dev.betterauth4j.consumer {
    requires dev.betterauth4j.core;
    requires dev.betterauth4j.servlet;
    requires com.nimbusds.jose.jwt;
    requires jakarta.servlet;
}
