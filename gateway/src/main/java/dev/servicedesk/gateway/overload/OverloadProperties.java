package dev.servicedesk.gateway.overload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled         whether requests are shed while an event loop lags
 * @param maxEventLoopLag a request read by an event loop that is further behind than this is answered 503 at
 *                        once; well inside the clients' 30 s and the gateway's 2 s latency target, so an
 *                        overloaded gateway still answers every request quickly
 * @param probeInterval   how often each event loop's lag is measured
 * @param retryAfter      the Retry-After of a shed request
 */
@ConfigurationProperties("servicedesk.gateway.overload")
record OverloadProperties(@DefaultValue("true") boolean enabled,
                          @DefaultValue("500ms") Duration maxEventLoopLag,
                          @DefaultValue("20ms") Duration probeInterval,
                          @DefaultValue("1s") Duration retryAfter) {
}
