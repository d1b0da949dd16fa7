package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.TicketEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in.
 *
 * @param eventId       unique id; consumers deduplicate on it
 * @param type          logical type name, never a Java class name
 * @param schemaVersion version of the payload's schema for that type
 * @param ticketId      the ticket the event belongs to; also the Kafka key
 * @param occurredAt    when it happened
 * @param producer      the service that published it
 * @param correlationId shared by every event that one request set off
 * @param causationId   the event that caused this one, or {@code null} for a first event
 * @param payload       the event itself
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String ticketId,
        Instant occurredAt,
        String producer,
        String correlationId,
        String causationId,
        TicketEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
        if (!type.equals(EventTypes.nameOf(payload.getClass()))) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + payload.getClass().getSimpleName());
        }
    }

    /** An event that starts a new causal chain, e.g. a request arriving. */
    public static EventEnvelope first(UUID eventId, String ticketId, String producer, String correlationId,
                                      Instant occurredAt, TicketEvent payload) {
        return new EventEnvelope(eventId, EventTypes.nameOf(payload.getClass()), EventTypes.CURRENT_SCHEMA_VERSION,
                ticketId, occurredAt, producer, correlationId, null, payload);
    }

    /**
     * An event caused by this one. Its id is derived from this event's id and the new type, so
     * handling a redelivered cause publishes an event with the same id and consumers drop the repeat.
     */
    public EventEnvelope causes(String producer, Instant occurredAt, TicketEvent effect) {
        return causes(producer, occurredAt, effect, null);
    }

    /**
     * Like {@link #causes(String, Instant, TicketEvent)} for several effects of the same type,
     * told apart by a discriminator ({@code null} for a single effect).
     */
    public EventEnvelope causes(String producer, Instant occurredAt, TicketEvent effect, String discriminator) {
        String effectType = EventTypes.nameOf(effect.getClass());
        String seed = eventId + "/" + effectType + (discriminator == null ? "" : "/" + discriminator);
        UUID effectId = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope(effectId, effectType, EventTypes.CURRENT_SCHEMA_VERSION, ticketId, occurredAt,
                producer, correlationId, eventId.toString(), effect);
    }
}
