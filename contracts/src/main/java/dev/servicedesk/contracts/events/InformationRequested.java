package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;

/**
 * The service agent asked the customer for more (screenshots, video): the customer has one point of contact.
 *
 * @param agentId   the agent who asked
 * @param requested what the customer is asked to supply
 * @param via       the channel the customer was asked on
 */
public record InformationRequested(String agentId, String requested, Channel via) implements TicketLifecycleEvent {
}
