package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketRouted;

import java.util.List;

/**
 * Routing's state of one ticket: the registration (needed to route it again) and the latest
 * decision, with the events still to be acknowledged by the broker. Once they all are, only the
 * decision's content is kept: the events themselves are on the topics.
 *
 * @param correlationId the registration's, carried by every event of a later decision
 * @param causes        ids of every event already decided on, so a redelivery changes nothing
 * @param routed        the latest decision
 * @param correction    the staff correction the latest decision answers, or {@code null}
 * @param outboxCause   the event the latest decision answers
 * @param outbox        the latest decision's events while any is unacknowledged, in wire form; empty once
 *                      {@code published}
 */
public record RoutingRecord(String ticketId, TicketReceived received, String correlationId, int revision,
                            List<String> causes, StaffClassification staff, TicketRouted routed,
                            TicketReclassified correction, String outboxCause, List<OutboxMessage> outbox,
                            boolean published) {

    boolean handled(String eventId) {
        return causes.contains(eventId);
    }
}
