package dev.servicedesk.contracts.events;

/**
 * The customer's need was met.
 *
 * @param resolvedBy who resolved it
 * @param summary    how
 */
public record TicketResolved(String resolvedBy, String summary) implements TicketLifecycleEvent {
}
