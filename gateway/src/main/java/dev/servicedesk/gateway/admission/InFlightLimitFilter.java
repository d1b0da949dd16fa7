package dev.servicedesk.gateway.admission;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Admission control: at most {@code max-per-route} requests of one route are in the backends at
 * once; one more is answered 503 with Retry-After at once (a problem document, through the gateway's
 * problem handler). Past a backend's capacity, queueing only makes every answer late, until clients
 * time out and retry into the queue; a fast 503 tells them to come back and keeps the answers of the
 * requests admitted fast. Long-lived streams are exempt: they hold a connection, not the backend.
 */
@Component
class InFlightLimitFilter implements GlobalFilter, Ordered {

    private final InFlightLimitProperties properties;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    InFlightLimitFilter(InFlightLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || properties.exemptRoutes().contains(route.getId())) {
            return chain.filter(exchange);
        }
        Semaphore permits = inFlight.computeIfAbsent(route.getId(), id -> new Semaphore(properties.maxPerRoute()));
        if (!permits.tryAcquire()) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    route.getId() + " is at capacity (" + properties.maxPerRoute() + " requests in progress); retry shortly"));
        }
        return chain.filter(exchange).doFinally(signal -> permits.release());
    }

    /** Before the rate limiter and the routes' own filters, so a rejected request costs nothing more. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
