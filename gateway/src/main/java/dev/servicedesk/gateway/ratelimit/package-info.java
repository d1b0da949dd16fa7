/**
 * Rate limiting without Redis: the gateway's {@code Bucket4jRateLimiter} over an in-memory Caffeine
 * bucket store, one bucket per client address and route. Limits hold per gateway instance; with several
 * replicas use the Redis rate limiter instead. Rejections become 429 problems in the problem package.
 */
package dev.servicedesk.gateway.ratelimit;
