/**
 * Tracing: off until an OTLP endpoint is configured; then requests, Kafka sends and the consumers of
 * the sent records join one trace per request (docs/operations.md, Tracing).
 */
package dev.servicedesk.kit.tracing;
