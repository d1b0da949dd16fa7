package dev.servicedesk.gateway.overload;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled         whether requests are shed while an event loop lags
 * @param maxEventLoopLag a request read by an event loop that is further behind than this is answered 503 at
 *                        once; well inside the clients' 30 s and the gateway's 2 s latency target, so an
 *                        overloaded gateway still answers every request quickly
 * @param maxEventLoopLagForReads the same for reads (GET, HEAD), lower: under overload reads are shed first, so
 *                        the capacity left goes to customers' requests and lifecycle commands, which a centre must
 *                        take; a view or a dashboard can be read again a second later
 * @param probeInterval   how often each event loop's lag is measured
 * @param retryAfter      the Retry-After of a shed request
 * @param exemptPaths     requests whose path starts with one of these are never shed: health probes and metric
 *                        scrapes must be answered most of all while the gateway is overloaded, or an orchestrator
 *                        takes it for dead and monitoring goes blind just then; they are few and cheap
 */
@ConfigurationProperties("servicedesk.gateway.overload")
record OverloadProperties(@DefaultValue("true") boolean enabled,
                          @DefaultValue("500ms") Duration maxEventLoopLag,
                          @DefaultValue("100ms") Duration maxEventLoopLagForReads,
                          @DefaultValue("20ms") Duration probeInterval,
                          @DefaultValue("1s") Duration retryAfter,
                          @DefaultValue("/actuator/") List<String> exemptPaths) {
}
