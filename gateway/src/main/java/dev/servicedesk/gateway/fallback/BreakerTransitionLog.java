package dev.servicedesk.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Logs each circuit breaker's state changes, one line per change. The fallbacks answer at debug, since
 * an open breaker would otherwise log once per request; this is what an operator needs to see instead.
 */
@Component
class BreakerTransitionLog implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BreakerTransitionLog.class);

    private final CircuitBreakerRegistry breakers;

    BreakerTransitionLog(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Route breakers are created on their first call, so follow the ones added later as well.
        breakers.getAllCircuitBreakers().forEach(BreakerTransitionLog::follow);
        breakers.getEventPublisher().onEntryAdded(added -> follow(added.getAddedEntry()));
    }

    private static void follow(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            var transition = event.getStateTransition();
            if (transition.getToState() == CircuitBreaker.State.OPEN) {
                CircuitBreaker.Metrics metrics = breaker.getMetrics();
                log.warn("Circuit breaker '{}' {} -> {}: {} % of recent calls failed, {} % were slow; calls to it are answered 503 for now",
                        breaker.getName(), transition.getFromState(), transition.getToState(),
                        metrics.getFailureRate(), metrics.getSlowCallRate());
            } else {
                log.info("Circuit breaker '{}' {} -> {}", breaker.getName(), transition.getFromState(), transition.getToState());
            }
        });
    }
}
