package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision stored but never confirmed as published (the process stopped between storing and
 * sending) is re-sent by the relay: exactly the stored events, with their ids, once. Confirmations
 * are per decision, so confirming one never covers a later decision of the same ticket.
 */
class OutboxRelayIntegrationTest extends RoutingIntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    DecisionMaker decisions;

    @Autowired
    RoutingRecords records;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void decisionStoredButUnpublishedIsResentByTheRelayWithTheSameEventIds() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "投诉：热水壶用了两天就漏电，要求赔偿 the kettle gives electric shocks");
        TicketReceived payload = (TicketReceived) received.payload();
        Decision decision = decisions.decide(received, payload, 1, payload.receivedAt(), null, null, null).block(TIMEOUT);
        String cause = received.eventId().toString();
        // stored a minute ago, and then the process stopped before anything was sent
        records.insert(new RoutingRecord(ticketId, payload, received.correlationId(), 1, List.of(cause), null, decision.routed(), null,
                        cause, decision.outbox(), false),
                Instant.now().minus(Duration.ofMinutes(1))).block(TIMEOUT);
        Map<UUID, byte[]> stored = decision.outbox().stream()
                .collect(Collectors.toMap(message -> message.envelope().eventId(), OutboxMessage::event));
        List<String> topics = decision.outbox().stream().map(OutboxMessage::topic).distinct().toList();
        try (TopicProbe probe = new TopicProbe(bootstrap(), topics)) {

            assertThat(relay.relayOnce().block(TIMEOUT)).isPositive();

            for (UUID eventId : stored.keySet()) {
                probe.awaitRecord(record -> record.value().eventId().equals(eventId));
            }
            List<EventEnvelope> resent = probe.seen().stream().filter(record -> record.key().equals(ticketId))
                    .map(ConsumerRecord::value).toList();
            assertThat(resent).extracting(EventEnvelope::eventId).containsExactlyInAnyOrderElementsOf(stored.keySet());
            assertThat(resent).allSatisfy(event -> assertThat(EventCodec.write(event)).isEqualTo(stored.get(event.eventId())));
            EventEnvelope routed = resent.stream().filter(event -> event.payload() instanceof TicketRouted).findFirst().orElseThrow();
            assertThat(routed.eventId()).isEqualTo(received.causes(DecisionMaker.PRODUCER, Instant.now(), routed.payload()).eventId());
            assertThat(routed.payload()).isEqualTo(decision.routed());
            assertThat(resent).anyMatch(event -> event.payload() instanceof WorkItemAssigned);
        }

        RoutingRecord after = records.find(ticketId).block(TIMEOUT);
        assertThat(after.published()).isTrue();
        assertThat(after.routed()).isEqualTo(decision.routed());
        assertThat(records.unpublished(Instant.now(), 500).map(RoutingRecord::ticketId).collectList().block(TIMEOUT))
                .doesNotContain(ticketId);
    }

    @Test
    void confirmingADecisionLeavesALaterDecisionOfTheSameTicketPendingForTheRelay() {
        String ticketId = Tickets.newTicketId();
        Rerouted stored = storeDecisionAndRerouting(ticketId, "How do I change the delivery address of my order?");

        records.markAllPublished(List.of(stored.first())).block(TIMEOUT);

        RoutingRecord current = records.find(ticketId).block(TIMEOUT);
        assertThat(current.outboxCause()).isEqualTo(stored.second().outboxCause());
        assertThat(current.published()).isFalse();
        assertThat(records.unpublished(Instant.now(), 500).filter(record -> record.ticketId().equals(ticketId))
                .map(RoutingRecord::outboxCause).collectList().block(TIMEOUT)).containsExactly(stored.second().outboxCause());
    }

    @Test
    void theRelayResendsTheCurrentDecisionAndDropsThePendingEntryOfTheSupersededOne() {
        String ticketId = Tickets.newTicketId();
        Rerouted stored = storeDecisionAndRerouting(ticketId, "The app logs me out every few minutes");
        assertThat(pendingCauses(ticketId)).containsExactlyInAnyOrder(stored.first().outboxCause(), stored.second().outboxCause());

        relay.relayOnce().block(TIMEOUT);

        assertThat(pendingCauses(ticketId)).isEmpty();
        assertThat(records.find(ticketId).block(TIMEOUT).published()).isTrue();
    }

    private record Rerouted(RoutingRecord first, RoutingRecord second) {
    }

    /**
     * A first decision stored a minute ago, then re-routed (a staff correction, say) under another
     * cause before the first decision's acknowledgement was recorded.
     */
    private Rerouted storeDecisionAndRerouting(String ticketId, String text) {
        EventEnvelope received = Tickets.received(ticketId, text);
        TicketReceived payload = (TicketReceived) received.payload();
        Decision decision = decisions.decide(received, payload, 1, payload.receivedAt(), null, null, null).block(TIMEOUT);
        String first = received.eventId().toString();
        String second = UUID.randomUUID().toString();
        Instant aMinuteAgo = Instant.now().minus(Duration.ofMinutes(1));
        RoutingRecord firstDecision = new RoutingRecord(ticketId, payload, received.correlationId(), 1, List.of(first), null,
                decision.routed(), null, first, decision.outbox(), false);
        RoutingRecord rerouting = new RoutingRecord(ticketId, payload, received.correlationId(), 2, List.of(first, second), null,
                decision.routed(), null, second, decision.outbox(), false);
        records.insert(firstDecision, aMinuteAgo).block(TIMEOUT);
        assertThat(records.replace(rerouting, 1, aMinuteAgo).block(TIMEOUT)).isTrue();
        return new Rerouted(firstDecision, rerouting);
    }

    private List<String> pendingCauses(String ticketId) {
        return mongo.find(Query.query(Criteria.where("ticketId").is(ticketId)), org.bson.Document.class, RoutingRecords.PENDING)
                .map(pending -> pending.getString("cause")).collectList().block(TIMEOUT);
    }
}
