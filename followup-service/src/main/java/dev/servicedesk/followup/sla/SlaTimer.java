package dev.servicedesk.followup.sla;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The clocks running for one ticket.
 *
 * @param setBy the routing event whose deadlines these are
 */
@Document("sla_timers")
record SlaTimer(@Id String ticketId, Priority priority, SlaDeadlines deadlines, Instant routedAt, String setBy) {
}
