package dev.servicedesk.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem+json carrying the request's correlation id, the same shape as every
 * other error of the service desk. A 401 also carries {@code WWW-Authenticate: Bearer} as RFC 6750 asks.
 */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://servicedesk.dev/problems/";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTED_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private ProblemResponses() {
    }

    /** Answers requests without valid credentials. */
    public static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = tokenGiven
                    ? "The credentials are invalid or expired"
                    : "This request needs a bearer token or an API key";
            return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
        };
    }

    /** Answers authenticated callers whose role does not allow the request. */
    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = correlationId(exchange);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JsonMapper.shared().writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    /** The request's correlation id when it is a plain token, as the gateway sets it. */
    public static String correlationId(ServerWebExchange exchange) {
        String id = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return id != null && ACCEPTED_CORRELATION.matcher(id.strip()).matches() ? id.strip() : null;
    }
}
