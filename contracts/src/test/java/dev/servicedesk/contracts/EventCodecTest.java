package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static EventEnvelope received() {
        TicketReceived payload = new TicketReceived(Channel.WALK_IN,
                new CustomerRef("c-1", "张伟", "+8613800000000", null, CustomerTier.VIP), "SO-1",
                new ProductRef("电热水壶", "B-7"), "水壶漏电 leaking kettle", "退款", NOW.minusSeconds(3600),
                Channel.PHONE, "zh", List.of("https://files.example/1.jpg"), true, NOW);
        return EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "corr-1", NOW, payload);
    }

    @Test
    void envelopeRoundTripsWithLogicalTypeNameAndUnicodeText() {
        EventEnvelope envelope = received();

        byte[] json = EventCodec.write(envelope);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"type\":\"TicketReceived\"", "\"channel\":\"walk-in\"", "张伟")
                .doesNotContain("dev.servicedesk");
        assertThat(EventCodec.read(json)).isEqualTo(envelope);
    }

    @Test
    void routedDecisionRoundTripsWithDeadlinesAndWireEnumNames() {
        TicketRouted routed = new TicketRouted("c-1", TicketType.AFTER_SALES, "refund", Priority.IMPORTANT,
                Department.AFTER_SALES, "after-sales", 0.93, false, List.of("keyword 退款"),
                new SlaDeadlines(NOW.plusSeconds(3600), NOW.plusSeconds(86400), Duration.ofHours(4)), ComplaintGrade.GENERAL);
        EventEnvelope envelope = received().causes("routing-service", NOW, routed);

        String text = new String(EventCodec.write(envelope), StandardCharsets.UTF_8);

        assertThat(text).contains("\"type\":\"after-sales\"", "\"priority\":\"important\"", "\"department\":\"after-sales\"");
        assertThat(EventCodec.read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(envelope);
    }

    @Test
    void causedEventIdIsStableSoARedeliveredCauseYieldsTheSameEffect() {
        EventEnvelope cause = received();
        TicketRouted routed = new TicketRouted("c-1", TicketType.CONSULTATION, "usage", Priority.NORMAL,
                Department.PRODUCT_OPERATIONS, "product-operations", 0.8, false, List.of(), null, null);

        EventEnvelope once = cause.causes("routing-service", NOW, routed);
        EventEnvelope again = cause.causes("routing-service", NOW.plusSeconds(5), routed);

        assertThat(once.eventId()).isEqualTo(again.eventId());
        assertThat(once.causationId()).isEqualTo(cause.eventId().toString());
        assertThat(once.correlationId()).isEqualTo("corr-1");
    }

    @Test
    void unknownTypeIsRejectedAsMalformed() {
        String json = new String(EventCodec.write(received()), StandardCharsets.UTF_8)
                .replace("\"TicketReceived\"", "\"TicketTeleported\"");

        assertThatThrownBy(() -> EventCodec.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("TicketTeleported");
    }

    @Test
    void garbageAndMissingFieldsAreRejectedAsMalformed() {
        assertThatThrownBy(() -> EventCodec.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"type\":\"TicketReceived\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void envelopeFieldsAreReadInAnyOrderAndUnknownFieldsAreIgnored() {
        EventEnvelope envelope = received();
        String json = new String(EventCodec.write(envelope), StandardCharsets.UTF_8);
        int payload = json.indexOf(",\"payload\":");
        String payloadFirst = "{" + json.substring(payload + 1, json.length() - 1) + "," + json.substring(1, payload) + "}";

        assertThat(EventCodec.read(bytes(payloadFirst))).isEqualTo(envelope);
        assertThat(EventCodec.read(bytes(json.replace("{\"eventId\":", "{\"extra\":{\"nested\":[1,null]},\"eventId\":")
                .replace("\"payload\":{", "\"payload\":{\"addedLater\":[true],")))).isEqualTo(envelope);
        assertThat(EventCodec.read(bytes(json.replace("\"schemaVersion\":1,", ""))).schemaVersion())
                .isEqualTo(EventTypes.CURRENT_SCHEMA_VERSION);
    }

    @ParameterizedTest
    @MethodSource("malformedEnvelopes")
    void malformedEnvelopeIsRejectedAsMalformedSoItGoesToTheDeadLetterTopic(String json) {
        assertThatThrownBy(() -> EventCodec.read(bytes(json))).isInstanceOf(MalformedEventException.class);
    }

    static List<String> malformedEnvelopes() {
        String json = new String(EventCodec.write(received()), StandardCharsets.UTF_8);
        int payload = json.indexOf(",\"payload\":");
        return List.of(
                json.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                json.replace("\"type\":\"TicketReceived\"", "\"type\":7"),
                json.replace("\"type\":\"TicketReceived\",", ""),
                json.replace("\"eventId\":\"", "\"eventId\":\"x"),
                json.replace("\"occurredAt\":\"", "\"occurredAt\":\"yesterday "),
                json.replace("\"ticketId\":\"T-1\"", "\"ticketId\":\"  \""),
                json.replace("\"ticketId\":\"T-1\"", "\"ticketId\":null"),
                json.replace("\"channel\":\"walk-in\"", "\"channel\":\"pigeon\""),
                json.substring(0, payload) + ",\"payload\":[1,2]}",
                json.substring(0, payload) + ",\"payload\":null}",
                json.substring(0, payload) + "}",
                json + "{}",
                json.substring(0, json.length() - 1),
                "", "null", "[]", "5", "\"text\"", "{}", "{not json");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void workTopicsAreNamedAfterDepartments() {
        assertThat(Topics.work(Department.TECHNICAL_SUPPORT)).isEqualTo("work.technical-support");
        assertThat(Topics.deadLetter(Topics.TICKET_EVENTS)).isEqualTo("ticket-events-dlt");
        assertThat(EventTypes.all()).containsKeys("TicketReceived", "TicketRouted");
    }
}
