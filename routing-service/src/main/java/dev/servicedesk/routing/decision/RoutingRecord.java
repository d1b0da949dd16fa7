package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;

import java.util.List;

/**
 * Routing's state of one ticket: what was received (needed to route it again), the current
 * decision, and the events of the latest decision with whether they have all been acknowledged.
 *
 * @param causes      ids of every event already decided on, so a redelivery changes nothing
 * @param outboxCause the event the current outbox answers
 */
public record RoutingRecord(String ticketId, EventEnvelope received, int revision, List<String> causes,
                            EventEnvelope routed, StaffClassification staff, String outboxCause,
                            List<OutboxMessage> outbox, boolean published) {

    public TicketReceived receivedPayload() {
        return (TicketReceived) received.payload();
    }

    public TicketRouted routedPayload() {
        return (TicketRouted) routed.payload();
    }

    boolean handled(String eventId) {
        return causes.contains(eventId);
    }
}
