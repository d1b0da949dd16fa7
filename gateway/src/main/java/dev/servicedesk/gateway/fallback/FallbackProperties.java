package dev.servicedesk.gateway.fallback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryAfter what the fallback tells clients to wait before retrying; about the time a breaker stays open
 */
@ConfigurationProperties("servicedesk.gateway.fallback")
record FallbackProperties(Duration retryAfter) {
}
