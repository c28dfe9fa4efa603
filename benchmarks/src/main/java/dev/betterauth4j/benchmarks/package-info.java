/**
 * JMH benchmarks: the floor (bare signature check), the minimal correct verifier ({@code floorPlusParse}), betterauth4j
 * cold and cached, and its peers (Nimbus, Spring Security, jose4j, java-jwt), over the same Better-Auth-shaped tokens
 * ({@link dev.betterauth4j.benchmarks.Fixture}). {@code benchmarks/run.sh} runs them and renders docs/performance.md.
 */
package dev.betterauth4j.benchmarks;
