package dev.servicedesk.intake.publishing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Duration;

/**
 * The broker (or the idempotency-key store) did not confirm in time, or is known to be down:
 * 503 problem+json with {@code Retry-After}. Nothing was registered.
 */
public class TemporarilyUnavailableException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://servicedesk.dev/problems/temporarily-unavailable");

    private static final String NOT_STORED = "The request was not accepted because its event could not be stored durably right now.";
    private static final String AT_CAPACITY = "The request was not accepted because intake is at capacity right now.";
    private static final String FLOW_BEHIND = "The request was not accepted because the services after intake are"
            + " behind: it would not be visible for a while.";

    public TemporarilyUnavailableException(Duration retryAfter, Throwable cause) {
        this(NOT_STORED, retryAfter, cause);
    }

    private TemporarilyUnavailableException(String reason, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(reason, retryAfter), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
    }

    /** Too many events were already awaiting the broker: the request was shed before anything was sent. */
    static TemporarilyUnavailableException atCapacity(Duration retryAfter, Throwable cause) {
        return new TemporarilyUnavailableException(AT_CAPACITY, retryAfter, cause);
    }

    /** The services after intake are too far behind to take a new registration now. */
    public static TemporarilyUnavailableException flowBehind(Duration retryAfter) {
        return new TemporarilyUnavailableException(FLOW_BEHIND, retryAfter, null);
    }

    /**
     * No stack trace: under overload this is thrown for most requests, and capturing one (and Reactor
     * reading it again at each checkpoint the error passes) cost more than the refusal. A failure
     * behind it keeps its own, as the cause.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static ProblemDetail problem(String reason, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                reason + " Retry in " + seconds(retryAfter) + " s, with the same Idempotency-Key if you sent one.");
        problem.setType(TYPE);
        problem.setTitle("Temporarily unavailable");
        problem.setProperty("retryAfterSeconds", seconds(retryAfter));
        return problem;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
