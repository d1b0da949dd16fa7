package dev.servicedesk.intake.lifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Another command on the ticket held it longer than a command may wait: 409, retry later. */
class CommandInProgressException extends ErrorResponseException {

    CommandInProgressException(String ticketId) {
        super(HttpStatus.CONFLICT, problem(ticketId), null);
    }

    private static ProblemDetail problem(String ticketId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another command on ticket " + ticketId + " is being carried out; retry shortly");
        problem.setType(URI.create("https://servicedesk.dev/problems/command-in-progress"));
        problem.setTitle("Ticket busy");
        problem.setProperty("ticketId", ticketId);
        return problem;
    }

    @Override
    public String getMessage() {
        return "Another command on ticket " + getBody().getProperties().get("ticketId") + " is in progress";
    }
}
