package dev.servicedesk.gateway.problem;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every exception that reaches the web layer as problem+json. Runs before Spring Boot's error
 * handler (order -1), which would answer with its own JSON shape or an HTML page.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /** A rate-limited client may try again once tokens refill; buckets refill continuously. */
    private static final Duration RATE_LIMIT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration BACKEND_RETRY_AFTER = Duration.ofSeconds(1);

    private final ProblemResponses responses;

    ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return responses.write(exchange, toProblem(exchange, ex));
    }

    private ResponseEntity<ProblemDetail> toProblem(ServerWebExchange exchange, Throwable ex) {
        HttpStatus status = statusOf(ex);
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.warn("{} for {}", status.value(), request, ex);
        } else if (status.is5xxServerError()) {
            // Shedding load and slow backends are expected under overload: a stack trace per answer would
            // make logging the bottleneck (and fill the disk) just when the gateway needs every cycle.
            log.debug("{} for {}: {}", status.value(), request, ex.toString());
        }
        return switch (status) {
            case NOT_FOUND -> Problems.response(
                    Problems.problem(status, "no-route", "No route for " + request, exchange), null);
            case TOO_MANY_REQUESTS -> Problems.response(
                    Problems.problem(status, "rate-limited", "Too many requests from this client for " + request, exchange),
                    rateLimitRetryAfter(exchange));
            case SERVICE_UNAVAILABLE -> Problems.response(timedOut(ex)
                            ? Problems.problem(status, "service-timeout", "The service behind " + request + " did not answer in time", exchange)
                            : Problems.problem(status, "service-unavailable", "The service behind " + request + " could not be reached", exchange),
                    BACKEND_RETRY_AFTER);
            case INTERNAL_SERVER_ERROR -> Problems.response(
                    Problems.problem(status, "gateway-error", "The gateway failed to handle " + request, exchange), null);
            default -> Problems.response(
                    Problems.problem(status, "request-rejected", reason(ex, status), exchange), null);
        };
    }

    /** The limiter's own Retry-After (time to the next token) when it set one, else one second. */
    private static Duration rateLimitRetryAfter(ServerWebExchange exchange) {
        String limiter = exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (limiter != null && limiter.chars().allMatch(Character::isDigit) && !limiter.isEmpty()) {
            exchange.getResponse().getHeaders().remove(HttpHeaders.RETRY_AFTER);
            return Duration.ofSeconds(Long.parseLong(limiter));
        }
        return RATE_LIMIT_RETRY_AFTER;
    }

    static HttpStatus statusOf(Throwable ex) {
        if (ex instanceof ErrorResponse error) {
            return known(error.getStatusCode().value());
        }
        if (ex instanceof HttpStatusCodeException statusCode) {
            return known(statusCode.getStatusCode().value());
        }
        // A backend that is slow or unreachable is overload or an outage the client should retry: 503 with
        // Retry-After, never a 502 or 504 that clients and load tools treat as a broken system.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof IOException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean timedOut(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static HttpStatus known(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String reason(Throwable ex, HttpStatus status) {
        if (ex instanceof ErrorResponse error && error.getBody().getDetail() != null) {
            return error.getBody().getDetail();
        }
        return status.getReasonPhrase();
    }
}
