package dev.servicedesk.archive.projection;

import dev.servicedesk.archive.ticket.TicketDocument;

/**
 * What one event did to one ticket.
 *
 * @param before    the ticket before the event, {@code null} for its first event
 * @param after     the ticket after the event
 * @param partition the partition the event came from; it names the shards the change goes to
 * @param source    the topic-partition the event came from
 * @param offset    the event's offset there
 */
public record TicketChange(TicketDocument before, TicketDocument after, int partition, String source, long offset) {
}
