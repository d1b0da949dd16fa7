package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.EventEnvelope;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * One event in a ticket's timeline, with everything of its envelope, so the ticket's state can be
 * folded again from the stored timeline alone.
 *
 * @param summary one line for people, written when the event was archived
 * @param payload the event's payload exactly as it travelled
 */
public record TimelineEntry(
        String eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String producer,
        String correlationId,
        String causationId,
        String summary,
        Document payload) {

    /** Time order; the event id breaks ties so every replica sorts alike. */
    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId);

    /** MongoDB keeps milliseconds: truncating here makes a folded view equal to one folded again from storage. */
    static TimelineEntry of(EventEnvelope event) {
        Document payload = Document.parse(EventCodec.mapper().writeValueAsString(event.payload()));
        return new TimelineEntry(event.eventId().toString(), event.type(), event.schemaVersion(),
                event.occurredAt().truncatedTo(ChronoUnit.MILLIS),
                event.producer(), event.correlationId(), event.causationId(), TimelineSummaries.describe(event.payload()),
                payload);
    }

    /** The envelope this entry was made from, decoded by the same codec as on the wire. */
    EventEnvelope toEnvelope(String ticketId) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("eventId", eventId);
        node.put("type", type);
        node.put("schemaVersion", schemaVersion);
        node.put("ticketId", ticketId);
        node.put("occurredAt", occurredAt.toString());
        node.put("producer", producer);
        node.put("correlationId", correlationId);
        node.put("causationId", causationId);
        node.set("payload", EventCodec.mapper().readTree(payload.toJson()));
        return EventCodec.read(EventCodec.mapper().writeValueAsBytes(node));
    }
}
