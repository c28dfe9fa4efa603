/**
 * The task demo: a JSON task API on embedded Jetty where every user sees and changes only their own tasks, behind
 * {@link dev.betterauth4j.servlet.BetterAuthFilter}. Start with {@link dev.betterauth4j.demo.TaskDemo}, which
 * assembles the server step by step; {@link dev.betterauth4j.demo.TaskApiServlet} routes on the parsed
 * {@link dev.betterauth4j.demo.TaskPath}; every answer with a body is written by
 * {@link dev.betterauth4j.demo.JsonResponseWriter}, every error as a {@link dev.betterauth4j.demo.Problem}.
 */
package dev.betterauth4j.demo;
