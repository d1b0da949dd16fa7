package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.TicketEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * JSON form of {@link EventEnvelope}. The payload's class is looked up from the logical
 * {@code type}; unknown payload fields are ignored so older consumers tolerate newer producers,
 * and missing ones read as null, 0 or false so newer consumers tolerate older events.
 */
public final class EventCodec {

    // Jackson 3 fails on a missing primitive by default; reading it as 0/false lets newer
    // consumers read events written before a field was added (records grow at the end).
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(EventEnvelope envelope) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("type", envelope.type());
        node.put("schemaVersion", envelope.schemaVersion());
        node.put("ticketId", envelope.ticketId());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("producer", envelope.producer());
        node.put("correlationId", envelope.correlationId());
        node.put("causationId", envelope.causationId());
        node.set("payload", MAPPER.valueToTree(envelope.payload()));
        return MAPPER.writeValueAsBytes(node);
    }

    /**
     * @throws MalformedEventException when the bytes are not a well-formed envelope of a known type;
     *                                 such a record can never succeed and belongs on the dead-letter topic
     */
    public static EventEnvelope read(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json); // Jackson 3 also rejects anything after the object
            String type = required(node, "type");
            Class<? extends TicketEvent> payloadType = EventTypes.byName(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
            int schemaVersion = node.path("schemaVersion").asInt(EventTypes.CURRENT_SCHEMA_VERSION);
            if (schemaVersion > EventTypes.CURRENT_SCHEMA_VERSION) {
                throw new MalformedEventException("schema version " + schemaVersion + " of " + type + " is newer than this consumer");
            }
            JsonNode payload = node.get("payload");
            if (payload == null || !payload.isObject()) {
                throw new MalformedEventException("payload missing");
            }
            return new EventEnvelope(
                    UUID.fromString(required(node, "eventId")),
                    type,
                    schemaVersion,
                    required(node, "ticketId"),
                    Instant.parse(required(node, "occurredAt")),
                    required(node, "producer"),
                    optional(node, "correlationId"),
                    optional(node, "causationId"),
                    MAPPER.treeToValue(payload, payloadType));
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new MalformedEventException(field + " missing");
        }
        return value.asString();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
