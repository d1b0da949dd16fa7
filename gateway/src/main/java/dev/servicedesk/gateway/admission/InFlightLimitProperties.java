package dev.servicedesk.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * @param maxPerRoute  requests of one route in the backends at once, per gateway instance
 * @param exemptRoutes routes not limited: long-lived streams and static pages
 */
@ConfigurationProperties("servicedesk.gateway.in-flight")
record InFlightLimitProperties(@DefaultValue("128") int maxPerRoute,
                               @DefaultValue({"archive-live", "archive-dashboard"}) Set<String> exemptRoutes) {
}
