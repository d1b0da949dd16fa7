package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventTypes;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;

import java.util.List;

/**
 * Routing's state of one ticket: what was received (needed to route it again), and the events of
 * the latest decision with whether they have all been acknowledged. The decision itself is the
 * {@link TicketRouted} among those events: it is stored once. Once acknowledged, the outbox holds
 * only the events on {@code ticket-routing} (the decision and the correction it answers); work
 * items and alerts were delivered and are not kept.
 *
 * @param causes      ids of every event already decided on, so a redelivery changes nothing
 * @param outboxCause the event the current outbox answers
 */
public record RoutingRecord(String ticketId, EventEnvelope received, int revision, List<String> causes,
                            StaffClassification staff, String outboxCause, List<OutboxMessage> outbox, boolean published) {

    private static final String ROUTED = EventTypes.nameOf(TicketRouted.class);

    public TicketReceived receivedPayload() {
        return (TicketReceived) received.payload();
    }

    /** The current decision, read from the {@link TicketRouted} among the latest decision's events. */
    public TicketRouted routedPayload() {
        for (int i = outbox.size() - 1; i >= 0; i--) {
            if (ROUTED.equals(outbox.get(i).type())) {
                return (TicketRouted) outbox.get(i).envelope().payload();
            }
        }
        throw new IllegalStateException("routing record of " + ticketId + " holds no TicketRouted");
    }

    /**
     * The events kept after they were acknowledged: those on {@code ticket-routing}, the decision
     * and the staff correction it answers.
     */
    List<OutboxMessage> decision() {
        return outbox.stream().filter(message -> Topics.TICKET_ROUTING.equals(message.topic())).toList();
    }

    boolean handled(String eventId) {
        return causes.contains(eventId);
    }
}
