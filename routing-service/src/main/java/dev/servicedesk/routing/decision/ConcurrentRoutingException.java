package dev.servicedesk.routing.decision;

/** The ticket was routed again by someone else while this decision was being made. */
public class ConcurrentRoutingException extends RuntimeException {

    public ConcurrentRoutingException(String ticketId) {
        super("ticket " + ticketId + " was routed again concurrently");
    }
}
