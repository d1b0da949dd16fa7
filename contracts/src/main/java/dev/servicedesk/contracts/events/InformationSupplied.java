package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;

import java.util.List;

/**
 * The customer supplied what was asked for.
 *
 * @param details     the customer's answer
 * @param attachments references (URLs) to what the customer sent
 * @param via         the channel it came in on
 */
public record InformationSupplied(String details, List<String> attachments, Channel via) implements TicketLifecycleEvent {
}
