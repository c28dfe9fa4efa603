/**
 * A consumer of the published jars on the module path: {@link dev.betterauth4j.consumer.Consumer} verifies a token a
 * real Better Auth server signed and builds the servlet filter, so a jar without its module name or a needed
 * dependency fails the build.
 */
package dev.betterauth4j.consumer;
