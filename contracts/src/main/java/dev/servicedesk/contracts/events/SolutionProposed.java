package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;

/**
 * A solution was told to the customer through their preferred channel (解决方案反馈).
 *
 * @param proposedBy who proposed it
 * @param result     what was found
 * @param solution   the concrete solution
 * @param nextSteps  what the customer should watch for next
 * @param via        the channel the customer was told on
 */
public record SolutionProposed(String proposedBy, String result, String solution, String nextSteps, Channel via)
        implements TicketLifecycleEvent {
}
