/** A rerunnable throughput and latency benchmark of intake against a bare WebFlux endpoint; the client runs in its own JVM. */
package dev.servicedesk.intake.benchmark;
