package dev.servicedesk.intake.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One event applied to the ticket, in the order applied.
 *
 * @param eventId stored as a binary UUID (16 bytes instead of a 36-character string); entries written before
 *                hold the string, which reads as the same UUID and is written back as binary with the
 *                ticket's next change
 * @param state   the ticket's state after the event
 */
public record HistoryEntry(UUID eventId, String type, Instant at, TicketState state, String producer) {
}
