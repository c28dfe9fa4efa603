/**
 * What the benchmark run needs besides JMH: the report renderer, the support probe (which peer refuses which
 * algorithm), the verified-token cache's memory per entry, and the dependency footprint.
 */
package dev.betterauth4j.benchmarks.tools;
