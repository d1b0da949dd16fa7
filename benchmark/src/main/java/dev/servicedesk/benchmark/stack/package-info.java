/**
 * The system under test: starting the local stack as a child process, killing and restarting it,
 * and what it costs while it runs (CPU, heap, disk, consumer lag).
 */
package dev.servicedesk.benchmark.stack;
