package dev.servicedesk.routing;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.ProductRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test tickets as intake publishes them. */
public final class Tickets {

    private Tickets() {
    }

    public static String newTicketId() {
        return "T-" + UUID.randomUUID();
    }

    public static EventEnvelope received(String ticketId, String customerId, CustomerTier tier, String text,
                                         ProductRef product, Instant receivedAt) {
        TicketReceived payload = new TicketReceived(Channel.WEB,
                new CustomerRef(customerId, "Customer " + customerId, "+8613800000000", null, tier), "SO-" + ticketId,
                product, text, null, null, Channel.PHONE, "zh", List.of(), false, receivedAt);
        return EventEnvelope.first(UUID.randomUUID(), ticketId, "intake-service", "corr-" + ticketId, receivedAt, payload);
    }

    public static EventEnvelope received(String ticketId, String text) {
        return received(ticketId, "c-" + ticketId, CustomerTier.NORMAL, text, null, Instant.now());
    }

    public static EventEnvelope reopened(EventEnvelope received, Instant at) {
        return EventEnvelope.first(UUID.randomUUID(), received.ticketId(), "intake-service", received.correlationId(), at,
                new TicketReopened("agent-1", "customer unsatisfied at callback"));
    }
}
