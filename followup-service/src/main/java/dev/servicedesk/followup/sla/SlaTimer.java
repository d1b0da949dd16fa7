package dev.servicedesk.followup.sla;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The clocks running for one ticket.
 *
 * @param revision the routing revision whose deadlines these are; a re-routing has a higher one
 * @param setBy    the routing event that set them
 */
@Document("sla_timers")
record SlaTimer(@Id String ticketId, Priority priority, SlaDeadlines deadlines, int revision, Instant routedAt,
                String setBy) {

    static SlaTimer of(EventEnvelope envelope, TicketRouted routed) {
        return new SlaTimer(envelope.ticketId(), routed.priority(), routed.deadlines(), routed.revision(),
                envelope.occurredAt(), envelope.eventId().toString());
    }

    SlaTimer newer(SlaTimer other) {
        return other.revision > revision ? other : this;
    }
}
