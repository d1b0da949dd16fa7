package dev.servicedesk.gateway.fallback;

import java.util.concurrent.TimeoutException;

import dev.servicedesk.gateway.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/** The target of every route's {@code fallbackUri: forward:/fallback/<backend>}; any method. */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final FallbackProperties properties;

    FallbackController(FallbackProperties properties) {
        this.properties = properties;
    }

    @RequestMapping("/fallback/{backend:[a-z]+}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String backend, ServerWebExchange exchange) {
        if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null) {
            // Only reachable through a route's circuit breaker, never as a public URL.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String service = backend + "-service";
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // Per answer at debug: under overload there is one per request; BreakerTransitionLog tells the story once.
        log.debug("Fallback for {}: {}", service, failure == null ? "unknown failure" : failure.toString());
        if (failure instanceof TimeoutException) {
            // 503 rather than 504: a slow backend is overloaded, and the client should come back later.
            return Problems.response(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-timeout",
                    service + " did not answer in time", exchange), properties.retryAfter());
        }
        String detail = failure instanceof CallNotPermittedException
                ? service + " is unavailable: too many recent failures, calls are paused"
                : service + " is unavailable";
        return Problems.response(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                detail, exchange), properties.retryAfter());
    }
}
