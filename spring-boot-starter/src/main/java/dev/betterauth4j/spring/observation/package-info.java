/**
 * Micrometer observations of betterauth4j's verifications and key set fetches
 * ({@link dev.betterauth4j.spring.observation.ObservingVerifierObserver}).
 */
package dev.betterauth4j.spring.observation;
