package dev.servicedesk.kit.web;

import dev.servicedesk.security.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.List;

/**
 * Turns client mistakes into {@code application/problem+json} naming the fields at fault, in an
 * {@code errors} array of {@link FieldError}. A database that cannot serve the request is a 503 with
 * {@code Retry-After}. Other unexpected failures become a 500 problem without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final URI INVALID_REQUEST = URI.create("https://servicedesk.dev/problems/invalid-request");
    public static final URI MALFORMED_BODY = URI.create("https://servicedesk.dev/problems/malformed-body");
    public static final URI DATABASE_UNAVAILABLE = URI.create("https://servicedesk.dev/problems/database-unavailable");
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> FieldError.of(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = invalid(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        problem.setType(MALFORMED_BODY);
        problem.setTitle("Malformed request");
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(FieldError.of(path(jackson), "has a value of the wrong type or format")));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Validation done in code rather than by annotations. */
    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex, ServerWebExchange exchange) {
        return ResponseEntity.badRequest().body(withCorrelation(invalid(ex.errors()), exchange));
    }

    /**
     * The database is unreachable, timed out, or failed the command for a reason of its own (a failing
     * store, for one). Nothing was answered as done, so the client may send the same request again later.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            UncategorizedDataAccessException.class})
    public ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex, ServerWebExchange exchange) {
        log.error("{} {} failed in the database: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot serve this request now; retry after " + DATABASE_RETRY_AFTER_SECONDS + " s");
        problem.setType(DATABASE_UNAVAILABLE);
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withCorrelation(problem, exchange));
    }

    /** Every problem this advice renders names the request's correlation id, so a client can quote it. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            withCorrelation(problem, exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    public static ProblemDetail withCorrelation(ProblemDetail problem, ServerWebExchange exchange) {
        String correlationId = ProblemResponses.correlationId(exchange);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String describe(ServerWebInputException ex) {
        if (findCause(ex, DecodingException.class) != null || findCause(ex, JacksonException.class) != null) {
            JacksonException jackson = findCause(ex, JacksonException.class);
            return jackson != null && !jackson.getPath().isEmpty()
                    ? "The body is not valid JSON for this request at '" + path(jackson) + "'"
                    : "The body is not valid JSON";
        }
        return ex.getReason() != null ? ex.getReason() : "The request cannot be read";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
