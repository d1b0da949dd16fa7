package dev.servicedesk.intake.record;

import java.time.Instant;

/**
 * One event applied to the ticket, in the order applied.
 *
 * @param state the ticket's state after the event
 */
public record HistoryEntry(String eventId, String type, Instant at, TicketState state, String producer) {
}
