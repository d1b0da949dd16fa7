package dev.servicedesk.intake.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** The same Idempotency-Key came with a different body: 422, nothing changes. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    public IdempotencyKeyReusedException(String ticketId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(ticketId), null);
    }

    private static ProblemDetail problem(String ticketId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
        problem.setType(URI.create("https://servicedesk.dev/problems/idempotency-key-reused"));
        problem.setTitle("Idempotency key reused");
        problem.setProperty("ticketId", ticketId);
        return problem;
    }
}
