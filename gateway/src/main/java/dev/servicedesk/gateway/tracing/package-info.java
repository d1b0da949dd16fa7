/**
 * Tracing: off until an OTLP endpoint is configured; then each request's server span, and the span of
 * its call to a service, whose W3C {@code traceparent} carries the trace on (docs/operations.md, Tracing).
 */
package dev.servicedesk.gateway.tracing;
