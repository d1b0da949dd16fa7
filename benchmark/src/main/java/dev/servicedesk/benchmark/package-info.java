/**
 * The end-to-end benchmark: drives the whole flow through the gateway with a service centre's
 * traffic and reports what it sees from the outside. {@link dev.servicedesk.benchmark.Benchmark} is
 * the entry point; {@code traffic} makes the requests, {@code load} sends them, {@code archive}
 * checks what reaches the archive, {@code stack} runs and measures the system, {@code report}
 * prints the results.
 */
package dev.servicedesk.benchmark;
