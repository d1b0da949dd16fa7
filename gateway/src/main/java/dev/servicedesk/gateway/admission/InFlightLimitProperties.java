package dev.servicedesk.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * @param maxPerRoute   requests of one route in the backends at once, per gateway instance, at most
 * @param minPerRoute   the adaptive limit never goes below this (nor above {@code maxPerRoute}), and starts
 *                      here
 * @param latencyTarget an answer slower than this, or a 5xx, lowers the limit; well below the backends' time
 *                      limiter, so the queue shrinks before calls time out and open the circuit breaker
 * @param exemptRoutes  routes not limited: long-lived streams and static pages
 */
@ConfigurationProperties("servicedesk.gateway.in-flight")
record InFlightLimitProperties(@DefaultValue("128") int maxPerRoute,
                               @DefaultValue("4") int minPerRoute,
                               @DefaultValue("2s") Duration latencyTarget,
                               @DefaultValue({"archive-live", "archive-dashboard"}) Set<String> exemptRoutes) {
}
