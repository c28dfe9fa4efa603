/**
 * The task demo: a JSON task API on embedded Jetty where every user sees and changes only their own tasks, behind
 * {@link dev.betterauth4j.servlet.BetterAuthFilter}. Start with {@link dev.betterauth4j.demo.TaskDemo}.
 */
package dev.betterauth4j.demo;
