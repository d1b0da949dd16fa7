package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketEvent;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventCodec} writes straight to bytes and reads in one pass; what it writes and what it
 * reads (or rejects) must stay what the codec did through a JSON tree.
 */
class EventCodecTreeFormTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00.123456Z");
    private static final SlaDeadlines DEADLINES = new SlaDeadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            Duration.ofHours(1), 1, 0, Duration.ofHours(24), "Asia/Shanghai");
    private static final CustomerRef CUSTOMER = new CustomerRef("c-1", "张伟 \"Zhang\"", "+8613800000000", null, CustomerTier.VIP);
    private static final ProductRef PRODUCT = new ProductRef("电热水壶 Kettle", "B-7");

    @Test
    void bytesEqualTheTreeWrittenFormForEveryRoutingEvent() {
        for (EventEnvelope event : events()) {
            assertThat(EventCodec.write(event)).as(event.type()).isEqualTo(treeWritten(event));
        }
    }

    @Test
    void readsAndRejectsWhatTheTreeReaderReadAndRejected() {
        List<String> inputs = new ArrayList<>();
        for (EventEnvelope event : events()) {
            String json = new String(EventCodec.write(event), StandardCharsets.UTF_8);
            inputs.add(json);
            // payload first, then the envelope's fields
            int payload = json.indexOf(",\"payload\":");
            inputs.add("{" + json.substring(payload + 1, json.length() - 1) + "," + json.substring(1, payload) + "}");
            inputs.add(json.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""));
            inputs.add(json.replace("\"schemaVersion\":1,", ""));
            inputs.add(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
            inputs.add(json.replace("{\"eventId\":", "{\"extra\":{\"nested\":[1,{\"a\":null}]},\"eventId\":"));
            inputs.add(json.replace("\"producer\":", "\"producer\":\"\",\"ignored\":"));
            inputs.add(json.replace("\"type\":\"" + event.type() + "\"", "\"type\":\"TicketTeleported\""));
            inputs.add(json.replace("\"type\":\"" + event.type() + "\"", "\"type\":7"));
            inputs.add(json.replace("\"type\":\"" + event.type() + "\",", ""));
            inputs.add(json.replace("\"eventId\":\"", "\"eventId\":\"x"));
            inputs.add(json.replace("\"occurredAt\":\"", "\"occurredAt\":\"yesterday "));
            inputs.add(json.replace("\"ticketId\":\"" + event.ticketId() + "\"", "\"ticketId\":\"  \""));
            inputs.add(json.replace("\"ticketId\":\"" + event.ticketId() + "\"", "\"ticketId\":null"));
            inputs.add(json.replace("\"correlationId\":null", "\"correlationId\":42"));
            inputs.add(json.substring(0, payload) + ",\"payload\":[1,2]}");
            inputs.add(json.substring(0, payload) + ",\"payload\":null}");
            inputs.add(json.substring(0, payload) + "}");
            inputs.add(json + " ");
            inputs.add(json + "{}");
            inputs.add(json.substring(0, json.length() - 1));
            inputs.add(json.replace("\"payload\":{", "\"payload\":{\"unknownField\":[true],"));
        }
        inputs.addAll(List.of("", " ", "null", "[]", "[1]", "5", "\"text\"", "{}", "{not json", "{\"type\":\"TicketReceived\",\"payload\":{}}"));

        for (String input : inputs) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            Object expected = outcome(() -> treeRead(bytes));
            assertThat(outcome(() -> EventCodec.read(bytes))).as(input).isEqualTo(expected);
        }
    }

    /** The envelope read, or the kind of failure. */
    private static Object outcome(java.util.function.Supplier<EventEnvelope> read) {
        try {
            return read.get();
        } catch (MalformedEventException malformed) {
            return MalformedEventException.class;
        } catch (RuntimeException other) {
            return other.getClass();
        }
    }

    private static List<EventEnvelope> events() {
        EventEnvelope received = EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "corr-1", NOW,
                new TicketReceived(Channel.WALK_IN, CUSTOMER, "SO-1", PRODUCT, "水壶漏电\n\tleaking kettle \\ ✓ 😀",
                        null, NOW.minusSeconds(3600), Channel.PHONE, "zh", List.of("https://files.example/1.jpg"), true, NOW));
        EventEnvelope withoutCorrelation = EventEnvelope.first(UUID.randomUUID(), "T-2", "intake-service", null, NOW,
                new TicketReceived(Channel.APP, new CustomerRef("c-2", null, null, null, CustomerTier.NORMAL), null, null,
                        "", "", null, null, null, List.of(), false, NOW));
        TicketRouted routed = new TicketRouted("c-1", TicketType.PROBLEM_FEEDBACK, "malfunction", Priority.URGENT,
                Department.TECHNICAL_SUPPORT, "ts-lead", 0.9333333333333333, true, List.of("safety hazard: \"漏电\""),
                DEADLINES, ComplaintGrade.SPECIAL, 2, PRODUCT, "cluster-1");
        List<EventEnvelope> events = List.of(received, withoutCorrelation,
                received.causes("routing-service", NOW, routed),
                received.causes("routing-service", NOW, new TicketRouted("c-1", TicketType.CONSULTATION, "usage",
                        Priority.NORMAL, Department.PRODUCT_OPERATIONS, "po", 0.2, false, List.of(), null, null)),
                received.causes("routing-service", NOW, new WorkItemAssigned(Department.TECHNICAL_SUPPORT, "ts-lead",
                        CUSTOMER, Channel.APP, null, PRODUCT, "水壶漏电", null, List.of(), TicketType.PROBLEM_FEEDBACK,
                        "malfunction", Priority.URGENT, null, DEADLINES, List.of("a", "b"), 2)),
                received.causes("routing-service", NOW, new WorkItemWithdrawn(Department.AFTER_SALES,
                        Department.TECHNICAL_SUPPORT, "reclassified", 2)),
                received.causes("routing-service", NOW, new SupervisorAlerted("c-1", List.of("complaint", "safety-hazard"),
                        TicketType.COMPLAINT, "product-quality", Priority.URGENT, ComplaintGrade.SPECIAL,
                        Department.COMPLAINT_DESK, "水壶漏电…", List.of())),
                received.causes("routing-service", NOW, new ProblemClusterDetected("cluster-1", PRODUCT,
                        List.of("T-1", "T-2", "T-3"), List.of("c-1", "c-2", "c-3"), NOW.minusSeconds(600), NOW)),
                received.causes("routing-service", NOW, new TicketLinkedToCluster("cluster-1", PRODUCT, "c-4")),
                received.causes("routing-service", NOW, new TicketReclassified(TicketType.CONSULTATION, "usage",
                        TicketType.COMPLAINT, "service-quality", null, true, "agent-7", null, 3)));
        return events;
    }

    /** How {@link EventCodec#read} read an envelope before: through a JSON tree. */
    private static EventEnvelope treeRead(byte[] json) {
        try {
            JsonNode node = EventCodec.mapper().readTree(json);
            String type = required(node, "type");
            Class<? extends TicketEvent> payloadType = EventTypes.byName(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
            int schemaVersion = node.path("schemaVersion").asInt(EventTypes.CURRENT_SCHEMA_VERSION);
            if (schemaVersion > EventTypes.CURRENT_SCHEMA_VERSION) {
                throw new MalformedEventException("schema version " + schemaVersion + " is newer");
            }
            JsonNode payload = node.get("payload");
            if (payload == null || !payload.isObject()) {
                throw new MalformedEventException("payload missing");
            }
            return new EventEnvelope(UUID.fromString(required(node, "eventId")), type, schemaVersion,
                    required(node, "ticketId"), Instant.parse(required(node, "occurredAt")), required(node, "producer"),
                    optional(node, "correlationId"), optional(node, "causationId"),
                    EventCodec.mapper().treeToValue(payload, payloadType));
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
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

    /** How {@link EventCodec#write} wrote an envelope before: through a JSON tree. */
    private static byte[] treeWritten(EventEnvelope envelope) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("type", envelope.type());
        node.put("schemaVersion", envelope.schemaVersion());
        node.put("ticketId", envelope.ticketId());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("producer", envelope.producer());
        node.put("correlationId", envelope.correlationId());
        node.put("causationId", envelope.causationId());
        node.set("payload", EventCodec.mapper().valueToTree(envelope.payload()));
        return EventCodec.mapper().writeValueAsBytes(node);
    }
}
