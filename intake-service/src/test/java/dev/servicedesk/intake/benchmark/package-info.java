/** A rerunnable throughput and latency benchmark of intake against a bare WebFlux endpoint. */
package dev.servicedesk.intake.benchmark;
