package dev.servicedesk.contracts.events;

/**
 * The customer accepted the proposed solution; the ticket moves to closure.
 *
 * @param note anything the customer added
 */
public record SolutionAccepted(String note) implements TicketLifecycleEvent {
}
