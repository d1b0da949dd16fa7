package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.TicketEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Reads one value in the middle of an envelope: what follows it is the envelope's business. */
    private static final ObjectReader VALUE = MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<Class<?>, ObjectReader> PAYLOADS = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * The envelope's fields in a fixed order, then the payload, written straight to bytes (no
     * intermediate tree): this runs for every event published and every event stored with a decision.
     */
    public static byte[] write(EventEnvelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("eventId", envelope.eventId().toString());
            json.writeStringProperty("type", envelope.type());
            json.writeNumberProperty("schemaVersion", envelope.schemaVersion());
            json.writeStringProperty("ticketId", envelope.ticketId());
            json.writeStringProperty("occurredAt", envelope.occurredAt().toString());
            json.writeStringProperty("producer", envelope.producer());
            json.writeStringProperty("correlationId", envelope.correlationId());
            json.writeStringProperty("causationId", envelope.causationId());
            json.writeName("payload");
            MAPPER.writeValue(json, envelope.payload());
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * @throws MalformedEventException when the bytes are not a well-formed envelope of a known type;
     *                                 such a record can never succeed and belongs on the dead-letter topic
     */
    public static EventEnvelope read(byte[] json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("type missing");
            }
            // one pass: the envelope's fields as small nodes; the payload bound straight to its class
            // when its type came before it (as this codec writes it), else read as a tree and bound after
            ObjectNode header = MAPPER.createObjectNode();
            TicketEvent bound = null;
            JsonNode tree = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"payload".equals(field)) {
                    header.set(field, VALUE.<JsonNode>readValue(parser));
                    continue;
                }
                Class<? extends TicketEvent> known = knownPayloadType(header);
                if (known != null && parser.isExpectedStartObjectToken()) {
                    bound = PAYLOADS.computeIfAbsent(known, type -> MAPPER.readerFor(type)
                            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).readValue(parser);
                    tree = null;
                } else {
                    tree = VALUE.readValue(parser);
                    bound = null;
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedEventException("trailing content after the event");
            }
            String type = required(header, "type");
            Class<? extends TicketEvent> payloadType = EventTypes.byName(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
            int schemaVersion = header.path("schemaVersion").asInt(EventTypes.CURRENT_SCHEMA_VERSION);
            if (schemaVersion > EventTypes.CURRENT_SCHEMA_VERSION) {
                throw new MalformedEventException("schema version " + schemaVersion + " of " + type + " is newer than this consumer");
            }
            if (bound == null && (tree == null || !tree.isObject())) {
                throw new MalformedEventException("payload missing");
            }
            return new EventEnvelope(
                    UUID.fromString(required(header, "eventId")),
                    type,
                    schemaVersion,
                    required(header, "ticketId"),
                    Instant.parse(required(header, "occurredAt")),
                    required(header, "producer"),
                    optional(header, "correlationId"),
                    optional(header, "causationId"),
                    bound != null ? bound : MAPPER.treeToValue(tree, payloadType));
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** The payload's class when the type read so far names one and its schema version is not newer. */
    private static Class<? extends TicketEvent> knownPayloadType(ObjectNode header) {
        JsonNode type = header.get("type");
        if (type == null || !type.isString()
                || header.path("schemaVersion").asInt(EventTypes.CURRENT_SCHEMA_VERSION) > EventTypes.CURRENT_SCHEMA_VERSION) {
            return null;
        }
        return EventTypes.byName(type.asString()).orElse(null);
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
