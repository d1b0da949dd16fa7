package dev.servicedesk.gateway.problem;

import java.net.URI;
import java.time.Duration;

import dev.servicedesk.gateway.correlation.CorrelationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/** Builds the gateway's problem documents, all with a type under one base URI and the correlation id. */
public final class Problems {

    public static final String TYPE_BASE = "https://servicedesk.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        CorrelationId.of(exchange).ifPresent(id -> problem.setProperty("correlationId", id));
        return problem;
    }

    /** A response entity carrying the problem as {@code application/problem+json}, with an optional Retry-After. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        return builder.body(problem);
    }

    /** Retry-After in whole seconds, at least one. */
    public static String retryAfterSeconds(Duration retryAfter) {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Long.toString(Math.max(1, seconds));
    }
}
