/**
 * A consumer of the published Spring Boot starter: {@link dev.betterauth4j.consumer.spring.ConsumerApplication} has
 * Spring Security and the starter and no security configuration of its own, to show what the starter does by itself.
 */
package dev.betterauth4j.consumer.spring;
