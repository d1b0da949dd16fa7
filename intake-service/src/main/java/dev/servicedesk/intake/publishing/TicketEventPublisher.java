package dev.servicedesk.intake.publishing;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.IntakeProperties;
import dev.servicedesk.kit.messaging.EventPublisher;
import dev.servicedesk.kit.security.RequestCorrelation;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.time.Duration;

/**
 * Publishes to {@code ticket-events} and completes only once the broker acknowledged. A missing
 * broker fails the call within the publish timeout; repeated failures open the breaker so later
 * requests are refused at once instead of each waiting. At most {@code max-pending} events await
 * their acknowledgement at once; further requests are shed at once rather than queued, which keeps
 * the latency of the accepted ones bounded when more is offered than the machine can register.
 * Callers see {@link TemporarilyUnavailableException} in every case.
 */
@Component
public class TicketEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(TicketEventPublisher.class);

    private final EventPublisher publisher;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final Bulkhead pending;
    private final Duration retryAfter;
    private final Duration shedRetryAfter;
    // KafkaProducer.send blocks while it waits for metadata of an unreachable broker: keep that off the event loop.
    private final Scheduler sendScheduler = Schedulers.boundedElastic();
    // The ack arrives on the producer's single network thread; answering the request there would
    // serialize every response behind it and stall the producer's own I/O.
    private final Scheduler answerScheduler = Schedulers.parallel();

    TicketEventPublisher(EventPublisher publisher, IntakeProperties properties) {
        this.publisher = publisher;
        this.retryAfter = properties.retryAfter();
        this.shedRetryAfter = properties.shedRetryAfter();
        this.pending = Bulkhead.of("ticket-events", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxPending())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.timeLimiter = TimeLimiter.of("ticket-events", TimeLimiterConfig.custom()
                .timeoutDuration(properties.publishTimeout())
                .cancelRunningFuture(true)
                .build());
        IntakeProperties.Breaker settings = properties.breaker();
        this.breaker = CircuitBreaker.of("ticket-events", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.window())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    public Mono<Void> publish(EventEnvelope event) {
        return Mono.deferContextual(context -> publishAcknowledged(withRequestCorrelation(event, context)));
    }

    /**
     * An event that starts a chain (no cause) for a request that carried a correlation id (the gateway
     * always sets one) takes that id, so the request and everything it set off can be found together.
     */
    static EventEnvelope withRequestCorrelation(EventEnvelope event, ContextView context) {
        if (event.causationId() != null) {
            return event;
        }
        return RequestCorrelation.from(context)
                .filter(id -> !id.equals(event.correlationId()))
                .map(id -> new EventEnvelope(event.eventId(), event.type(), event.schemaVersion(), event.ticketId(),
                        event.occurredAt(), event.producer(), id, null, event.payload()))
                .orElse(event);
    }

    private Mono<Void> publishAcknowledged(EventEnvelope event) {
        return publisher.publish(Topics.TICKET_EVENTS, event)
                .subscribeOn(sendScheduler)
                .then()
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                // Outermost, so a shed request neither reaches the broker nor counts as a broker failure.
                .transformDeferred(BulkheadOperator.of(pending))
                .onErrorMap(failure -> !(failure instanceof TemporarilyUnavailableException), this::unavailable)
                .publishOn(answerScheduler);
    }

    /** The breaker's state, for tests and diagnostics. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private TemporarilyUnavailableException unavailable(Throwable failure) {
        if (failure instanceof BulkheadFullException) {
            return TemporarilyUnavailableException.atCapacity(shedRetryAfter, failure);
        }
        if (!(failure instanceof CallNotPermittedException)) {
            log.warn("Broker did not acknowledge an event: {}", failure.toString());
        }
        return new TemporarilyUnavailableException(retryAfter, failure);
    }
}
