package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.events.TicketRouted;

import java.util.List;

/**
 * A routing decision with every event it publishes, in order, already encoded.
 *
 * @param routed the payload of the {@link TicketRouted} among {@code outbox}
 */
public record Decision(TicketRouted routed, List<OutboxMessage> outbox) {
}
