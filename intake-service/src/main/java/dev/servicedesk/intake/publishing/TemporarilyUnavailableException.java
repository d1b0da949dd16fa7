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

    public TemporarilyUnavailableException(Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(retryAfter), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
    }

    private static ProblemDetail problem(Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The request was not accepted because its event could not be stored durably right now."
                        + " Retry in " + seconds(retryAfter) + " s, with the same Idempotency-Key if you sent one.");
        problem.setType(TYPE);
        problem.setTitle("Temporarily unavailable");
        problem.setProperty("retryAfterSeconds", seconds(retryAfter));
        return problem;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
