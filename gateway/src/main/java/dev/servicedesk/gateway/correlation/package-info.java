/**
 * Correlation ids: every request leaves the gateway with an {@code X-Correlation-Id} (taken from the
 * client, else from its {@code X-Request-Id}, else generated) and every response carries it back.
 */
package dev.servicedesk.gateway.correlation;
