package dev.servicedesk.contracts.events;

/**
 * The customer rejected the proposed solution; it goes back to the department.
 *
 * @param reason why the customer is not satisfied
 */
public record SolutionRejected(String reason) implements TicketLifecycleEvent {
}
