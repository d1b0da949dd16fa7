package dev.servicedesk.contracts.events;

/**
 * The ticket was closed after resolution.
 *
 * @param closedBy who closed it
 * @param note     closing remark
 */
public record TicketClosed(String closedBy, String note) implements TicketLifecycleEvent {
}
