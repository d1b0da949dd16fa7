/**
 * Rate limiting without Redis: the gateway's {@code Bucket4jRateLimiter}, one bucket per client and route.
 * Buckets live in this gateway's memory (Caffeine) by default, so each replica allows the full rate; with
 * {@code store=mongodb} they live in one MongoDB collection that every replica updates by compare-and-swap,
 * so limits hold across replicas; a replica's concurrent requests for one bucket share one round trip. A store that fails or does not answer in time lets the request through.
 * Rejections become 429 problems in the problem package.
 */
package dev.servicedesk.gateway.ratelimit;
