package dev.servicedesk.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Intake's own settings ({@code servicedesk.intake.*}).
 *
 * @param publishTimeout longest a request waits for the broker's acknowledgement before answering 503
 * @param retryAfter     what a 503 tells clients to wait before retrying
 * @param breaker        when to stop trying the broker for a while
 * @param maxPending     most events awaiting the broker's acknowledgement at once; beyond that requests
 *                       are answered 503 at once, so an overload sheds work instead of stretching every
 *                       request's latency until all of them time out
 * @param shedRetryAfter what a 503 for an overload tells clients to wait before retrying
 * @param backlog        when the services after intake are too far behind to take more registrations
 */
@ConfigurationProperties("servicedesk.intake")
public record IntakeProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue Breaker breaker,
        @DefaultValue("256") int maxPending,
        @DefaultValue("1s") Duration shedRetryAfter,
        @DefaultValue Backlog backlog) {

    /**
     * @param failureRateThreshold percentage of failed publishes that opens the breaker
     * @param minimumCalls         calls needed before the rate counts
     * @param window               number of recent calls the rate is computed over
     * @param openFor              how long an open breaker answers 503 at once before probing again
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("20") int window,
            @DefaultValue("5s") Duration openFor) {
    }

    /**
     * @param groups      consumer groups downstream of intake; none: registrations never wait for them
     * @param maxDelay    new registrations are refused (503) while the slowest of these groups needs
     *                    longer than this to work off what it has not processed yet
     * @param sampleEvery how often the groups' positions are read from the broker
     * @param stalledAfter a group that made no progress for this long is down or stuck, not slow: it
     *                    does not hold registrations back, which wait for it on the broker. Also the
     *                    time over which a group's rate is measured; longer than a busy group's batch
     */
    public record Backlog(
            @DefaultValue List<String> groups,
            @DefaultValue("30s") Duration maxDelay,
            @DefaultValue("500ms") Duration sampleEvery,
            @DefaultValue("30s") Duration stalledAfter) {
    }
}
