package dev.servicedesk.gateway.admission;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * One adaptive concurrency limit per route (Netflix concurrency-limits, AIMD): it starts at its floor,
 * grows by one while answers come back fast with half the permits in use, and shrinks by 10 % on each
 * answer slower than the latency target or failed with a 5xx. A backend's capacity moves with the JIT's
 * warm-up, with the load of everything sharing its cores and with the size of its work; a fixed limit is
 * either too high to keep answers inside the time limiter or too low for a warm backend. The limit is a
 * gauge, {@code servicedesk.gateway.admission.limit{route}}.
 */
@Component
class RouteConcurrencyLimits {

    private final InFlightLimitProperties properties;
    private final MeterRegistry meters;
    private final Map<String, SimpleLimiter<Void>> limiters = new ConcurrentHashMap<>();

    RouteConcurrencyLimits(InFlightLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** A permit for one request of the route, or empty when the route is at its limit. */
    Optional<Limiter.Listener> tryAcquire(String routeId) {
        return limiters.computeIfAbsent(routeId, this::newLimiter).acquire(null);
    }

    int limit(String routeId) {
        return limiters.computeIfAbsent(routeId, this::newLimiter).getLimit();
    }

    private SimpleLimiter<Void> newLimiter(String routeId) {
        int max = properties.maxPerRoute();
        int min = Math.min(properties.minPerRoute(), max);
        SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder()
                .named(routeId)
                .limit(AIMDLimit.newBuilder()
                        // Slow start: a backend just started answers slowly until its JIT has warmed up.
                        // Starting at the maximum let a burst of slow calls run into the time limiter and
                        // open the circuit breaker, which then refused everything for 10 s.
                        .initialLimit(min)
                        .maxLimit(max)
                        .minLimit(min)
                        .backoffRatio(0.9)
                        .timeout(properties.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build())
                .build();
        Gauge.builder("servicedesk.gateway.admission.limit", limiter, SimpleLimiter::getLimit)
                .tag("route", routeId)
                .description("Requests of the route admitted into its backend at once")
                .register(meters);
        return limiter;
    }
}
