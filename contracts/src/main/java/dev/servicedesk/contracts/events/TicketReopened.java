package dev.servicedesk.contracts.events;

/**
 * A resolved or closed ticket was opened again, e.g. after an unsatisfied callback.
 *
 * @param reopenedBy who reopened it
 * @param reason     why
 */
public record TicketReopened(String reopenedBy, String reason) implements TicketLifecycleEvent {
}
