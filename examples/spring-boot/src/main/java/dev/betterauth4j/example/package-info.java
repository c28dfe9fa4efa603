/**
 * The Spring Boot example: a task API whose users sign in with Better Auth. {@link
 * dev.betterauth4j.example.TasksApplication} starts it, {@link dev.betterauth4j.example.SecurityConfiguration} is the
 * whole security set-up (the starter plus Spring Security's own rules), {@link dev.betterauth4j.example.TaskController}
 * scopes every task to the authenticated user, and {@link dev.betterauth4j.example.TaskStore} keeps them.
 */
package dev.betterauth4j.example;
