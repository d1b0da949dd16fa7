package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.ticket.Channel;

import java.time.Instant;

/**
 * One line of the customer contact log (客户沟通记录).
 *
 * @param inbound {@code true} when the customer reached out, {@code false} when the agent did
 * @param kind    the lifecycle event that recorded the contact, e.g. {@code SolutionProposed}
 * @param by      the agent or system that talked to the customer, if known
 */
public record ContactEntry(Instant at, Channel channel, boolean inbound, String kind, String summary, String by) {
}
