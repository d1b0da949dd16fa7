package dev.servicedesk.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

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
 */
@ConfigurationProperties("servicedesk.intake")
public record IntakeProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue Breaker breaker,
        @DefaultValue("256") int maxPending,
        @DefaultValue("1s") Duration shedRetryAfter) {

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
}
