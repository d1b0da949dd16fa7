package dev.servicedesk.gateway.admission;

import dev.servicedesk.gateway.problem.ProblemResponses;
import dev.servicedesk.gateway.problem.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;

import com.netflix.concurrency.limits.Limiter;

/**
 * Admission control: at most the route's current limit ({@link RouteConcurrencyLimits}) of its requests
 * are in the backends at once; one more is answered 503 with Retry-After at once, a problem document
 * written here rather than an exception for the problem handler: under overload most requests end
 * here, and an exception's stack trace, read again at each checkpoint of WebFlux's error path, cost
 * more than the refusal itself. Past a backend's capacity, queueing only makes every answer
 * late, until calls time out, open the circuit breaker and clients retry into the queue; a fast 503
 * tells them to come back and keeps the answers of the requests admitted fast. Long-lived streams are
 * exempt: they hold a connection, not the backend.
 */
@Component
class InFlightLimitFilter implements GlobalFilter, Ordered {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final InFlightLimitProperties properties;
    private final RouteConcurrencyLimits limits;
    private final ProblemResponses problems;

    InFlightLimitFilter(InFlightLimitProperties properties, RouteConcurrencyLimits limits, ProblemResponses problems) {
        this.properties = properties;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || properties.exemptRoutes().contains(route.getId())) {
            return chain.filter(exchange);
        }
        Limiter.Listener permit = limits.tryAcquire(route.getId()).orElse(null);
        if (permit == null) {
            return problems.write(exchange, Problems.response(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable", route.getId() + " is at capacity (" + limits.limit(route.getId())
                            + " requests in progress); retry shortly", exchange), RETRY_AFTER));
        }
        return chain.filter(exchange)
                .doOnSuccess(done -> {
                    // A fallback's 503 after the time limiter is an overloaded backend too.
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    if (status != null && status.is5xxServerError()) {
                        permit.onDropped();
                    } else {
                        permit.onSuccess();
                    }
                })
                .doOnError(failure -> permit.onDropped())
                .doOnCancel(permit::onIgnore);
    }

    /** Before the rate limiter and the routes' own filters, so a rejected request costs nothing more. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
