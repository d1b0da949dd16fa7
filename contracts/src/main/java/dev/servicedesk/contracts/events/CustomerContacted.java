package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;

/**
 * A contact with the customer outside the other lifecycle events (客户沟通记录).
 *
 * @param agentId   the agent who talked to the customer
 * @param channel   how
 * @param inbound   {@code true} when the customer reached out, {@code false} when the agent did
 * @param summary   what was said
 */
public record CustomerContacted(String agentId, Channel channel, boolean inbound, String summary)
        implements TicketLifecycleEvent {
}
