/**
 * The public entry point of the service desk: a Spring Cloud Gateway that routes the REST API and
 * the dashboard to the services behind it (routes live in {@code gateway.yml}), with a circuit
 * breaker per backend, retries for idempotent reads, per-client rate limits and correlation ids.
 * Every error the gateway produces itself is {@code application/problem+json}.
 */
package dev.servicedesk.gateway;
