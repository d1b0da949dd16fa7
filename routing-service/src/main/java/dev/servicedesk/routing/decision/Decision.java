package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketRouted;

import java.util.List;

/**
 * A routing decision with every event it publishes, in order.
 *
 * @param routed the {@link TicketRouted} envelope among {@code outbox}
 */
public record Decision(EventEnvelope routed, List<OutboxMessage> outbox) {

    public TicketRouted payload() {
        return (TicketRouted) routed.payload();
    }
}
