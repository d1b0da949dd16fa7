package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class TicketRoutingIntegrationTest extends RoutingIntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RoutingRecords records;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    DecisionMaker decisions;

    @Test
    void receivedTicketIsRoutedOnceUnderItsTicketIdEvenWhenRedelivered() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "订单已经取消了，我要申请退款，钱什么时候退回来？");
        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING))) {
            probe.send(Topics.TICKET_EVENTS, received);

            ConsumerRecord<String, EventEnvelope> first = routedOf(probe.awaitRecord(record -> isRouted(record, ticketId, 1)), ticketId, 1).get(0);
            TicketRouted routed = (TicketRouted) first.value().payload();
            assertThat(first.key()).isEqualTo(ticketId);
            assertThat(first.value().eventId()).isEqualTo(received.causes("routing-service", Instant.now(), routed).eventId());
            assertThat(first.value().causationId()).isEqualTo(received.eventId().toString());
            assertThat(first.value().correlationId()).isEqualTo(received.correlationId());
            assertThat(routed.type()).isEqualTo(TicketType.AFTER_SALES);
            assertThat(routed.subType()).isEqualTo("refund");
            assertThat(routed.department()).isEqualTo(Department.AFTER_SALES);
            assertThat(routed.deadlines().firstResponseDue()).isAfter(received.occurredAt());
            assertThat(routed.reasons()).anyMatch(reason -> reason.contains("退款"));

            // redelivery, then a later event on the same partition: by the time that one is routed, the repeat was handled
            probe.send(Topics.TICKET_EVENTS, received);
            probe.send(Topics.TICKET_EVENTS, Tickets.reopened(received, Instant.now()));
            List<ConsumerRecord<String, EventEnvelope>> all = probe.awaitRecord(record -> isRouted(record, ticketId, 2));

            assertThat(routedOf(all, ticketId, 1)).hasSize(1);
            TicketRouted rerouted = (TicketRouted) routedOf(all, ticketId, 2).get(0).value().payload();
            assertThat(rerouted.type()).isEqualTo(TicketType.AFTER_SALES);
            assertThat(rerouted.reasons().get(0)).startsWith("reopened by agent-1");
        }
    }

    @Test
    void onceItsEventsAreAcknowledgedTheStoredRecordKeepsTheRegistrationAndDecisionWithoutTheirEnvelopes() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "投诉：热水壶用了两天就漏电，要求赔偿 the kettle gives electric shocks");
        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING, Topics.work(Department.COMPLAINT_DESK)))) {
            probe.send(Topics.TICKET_EVENTS, received);

            probe.awaitRecord(record -> isRouted(record, ticketId, 1));
            probe.awaitRecord(record -> record.key().equals(ticketId) && record.value().payload() instanceof WorkItemAssigned);
        }
        Awaitility.await().atMost(TIMEOUT).until(() -> !mongo.exists(
                Query.query(Criteria.where("ticketId").is(ticketId)), RoutingRecords.PENDING).block(TIMEOUT));

        Document stored = mongo.findById(ticketId, Document.class, RoutingRecords.COLLECTION).block(TIMEOUT);
        assertThat(stored).doesNotContainKeys("outbox", "decision", "received");
        String registration = json(stored, "registration");
        String routed = json(stored, "routed");
        assertThat(registration).contains("热水壶", "\"phone\"")
                .doesNotContain(received.eventId().toString(), "\"payload\"");
        assertThat(routed).contains("\"department\":\"complaint-desk\"").doesNotContain("\"eventId\"", "\"payload\"");
        assertThat(stored.getString("correlationId")).isEqualTo(received.correlationId());
        RoutingRecord record = records.find(ticketId).block(TIMEOUT);
        assertThat(record.published()).isTrue();
        assertThat(record.outbox()).isEmpty();
        assertThat(record.received()).isEqualTo(received.payload());
        assertThat(record.routed().department()).isEqualTo(Department.COMPLAINT_DESK);
    }

    @Test
    void aRecordStoredWithWholeEnvelopesIsReadAndRoutedAgainWhenItsTicketIsReopened() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "订单已经取消了，我要申请退款，钱什么时候退回来？");
        TicketReceived payload = (TicketReceived) received.payload();
        Decision decision = decisions.decide(received, payload, 1, payload.receivedAt(), null, null, null).block(TIMEOUT);
        String cause = received.eventId().toString();
        mongo.insert(new Document("_id", ticketId).append("customerId", payload.customer().customerId())
                .append("received", EventCodec.write(received)).append("revision", 1).append("causes", List.of(cause))
                .append("outboxCause", cause).append("staff", null)
                .append("decision", decision.outbox().stream().filter(message -> message.topic().equals(Topics.TICKET_ROUTING))
                        .map(message -> new Document("topic", message.topic()).append("type", message.type())
                                .append("event", message.event())).toList()), RoutingRecords.COLLECTION).block(TIMEOUT);

        RoutingRecord before = records.find(ticketId).block(TIMEOUT);
        assertThat(before.received()).isEqualTo(payload);
        assertThat(before.correlationId()).isEqualTo(received.correlationId());
        assertThat(before.routed()).isEqualTo(decision.routed());
        assertThat(before.published()).isTrue();

        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING, Topics.work(Department.AFTER_SALES)))) {
            probe.send(Topics.TICKET_EVENTS, Tickets.reopened(received, Instant.now()));

            ConsumerRecord<String, EventEnvelope> rerouted = routedOf(probe.awaitRecord(record -> isRouted(record, ticketId, 2)), ticketId, 2).get(0);
            assertThat(rerouted.value().correlationId()).isEqualTo(received.correlationId());
            Predicate<ConsumerRecord<String, EventEnvelope>> reroutedWork = record -> record.key().equals(ticketId)
                    && record.value().payload() instanceof WorkItemAssigned item && item.revision() == 2;
            WorkItemAssigned work = (WorkItemAssigned) probe.awaitRecord(reroutedWork).stream().filter(reroutedWork)
                    .findFirst().orElseThrow().value().payload();
            assertThat(work.customer()).isEqualTo(payload.customer());
        }
        Document stored = mongo.findById(ticketId, Document.class, RoutingRecords.COLLECTION).block(TIMEOUT);
        assertThat(stored).doesNotContainKeys("received", "decision").containsKeys("registration", "routed");
    }

    private static String json(Document stored, String field) {
        return new String(stored.get(field, Binary.class).getData(), StandardCharsets.UTF_8);
    }

    private static boolean isRouted(ConsumerRecord<String, EventEnvelope> record, String ticketId, int revision) {
        return record.key().equals(ticketId) && record.value().payload() instanceof TicketRouted routed && routed.revision() == revision;
    }

    private static List<ConsumerRecord<String, EventEnvelope>> routedOf(List<ConsumerRecord<String, EventEnvelope>> records,
                                                                        String ticketId, int revision) {
        return records.stream().filter(record -> isRouted(record, ticketId, revision)).toList();
    }
}
