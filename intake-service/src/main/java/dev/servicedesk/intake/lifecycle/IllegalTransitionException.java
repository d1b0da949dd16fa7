package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.intake.record.TicketState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A command the ticket's current state does not allow: 409 naming the state. */
class IllegalTransitionException extends ErrorResponseException {

    private final String summary;

    IllegalTransitionException(String ticketId, TicketState current, String eventType) {
        super(HttpStatus.CONFLICT, problem(ticketId, current, eventType), null);
        this.summary = eventType + " is not allowed on ticket " + ticketId + " while it is " + current.wireName();
    }

    private static ProblemDetail problem(String ticketId, TicketState current, String eventType) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                eventType + " is not allowed while the ticket is " + current.wireName());
        problem.setType(URI.create("https://servicedesk.dev/problems/illegal-transition"));
        problem.setTitle("Not allowed in the ticket's current state");
        problem.setProperty("ticketId", ticketId);
        problem.setProperty("currentState", current.wireName());
        problem.setProperty("command", eventType);
        return problem;
    }

    @Override
    public String getMessage() {
        return summary;
    }
}
