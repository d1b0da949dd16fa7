package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming a poll's first decisions as published confirms only those decisions: a re-routing stored
 * in between (a staff correction) keeps its own events unconfirmed until they are acknowledged.
 */
class PublishedMarkIntegrationTest extends RoutingIntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    DecisionMaker decisions;

    @Autowired
    RoutingRecords records;

    @Test
    void confirmingAFirstDecisionLeavesARerouteStoredMeanwhileUnconfirmed() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "请问这款手机支持无线充电吗？");
        TicketReceived payload = (TicketReceived) received.payload();
        String cause = received.eventId().toString();
        Decision decision = decisions.decide(received, payload, 1, payload.receivedAt(), null, null, null).block(TIMEOUT);
        RoutingRecord first = new RoutingRecord(ticketId, received, 1, List.of(cause), null, cause, decision.outbox(), false);
        records.insertAll(List.of(first), Instant.now()).block(TIMEOUT);
        RoutingRecord rerouted = new RoutingRecord(ticketId, received, 2, List.of(cause, "staff-correction"), null,
                "staff-correction", decision.outbox(), false);
        assertThat(records.replace(rerouted, 1, Instant.now()).block(TIMEOUT)).isTrue();

        records.markAllPublished(List.of(first)).block(TIMEOUT);

        assertThat(records.find(ticketId).block(TIMEOUT).published()).isFalse();
        records.markAllPublished(List.of(rerouted)).block(TIMEOUT);
        assertThat(records.find(ticketId).block(TIMEOUT).published()).isTrue();
    }
}
