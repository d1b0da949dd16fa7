/**
 * Circuit-breaker fallbacks: when a backend is down, too slow or its breaker is open, the route
 * forwards to {@code /fallback/{backend}} and the client gets a 503 problem with Retry-After (also on timeout) naming
 * the service, with a Retry-After.
 */
package dev.servicedesk.gateway.fallback;
