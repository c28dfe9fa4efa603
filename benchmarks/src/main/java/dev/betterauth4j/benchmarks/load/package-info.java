/**
 * The load test's server: a trivial endpoint on embedded Jetty, with and without the filter, driven by wrk from
 * {@code benchmarks/load.sh}.
 */
package dev.betterauth4j.benchmarks.load;
