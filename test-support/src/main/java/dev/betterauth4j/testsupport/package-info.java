/**
 * Helpers for betterauth4j's own test suites only (never published): log capture, credential leak scanning, the
 * base64url alphabet. The test kit for users is {@code dev.betterauth4j.testkit} (module test-kit).
 */
package dev.betterauth4j.testsupport;
