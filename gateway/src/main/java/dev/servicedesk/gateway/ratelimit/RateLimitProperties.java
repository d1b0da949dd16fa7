package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Values for the {@code RequestRateLimiter} default filter in {@code gateway.yml}, which reads capacity and
 * refill period from here by placeholder.
 *
 * @param capacity          requests a client may make to one route per refill period (also the burst size)
 * @param refillPeriod      period over which the full capacity is refilled, greedily
 * @param maxTrackedClients buckets kept in memory at most; the least recently used are dropped first
 */
@ConfigurationProperties("servicedesk.gateway.rate-limit")
record RateLimitProperties(long capacity, Duration refillPeriod, long maxTrackedClients) {
}
