package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;

/**
 * Staff corrected a ticket's classification; a new {@link TicketRouted} revision follows.
 *
 * @param priority the priority staff set, or {@code null} to let routing decide again
 * @param revision the routing revision this correction produced
 */
public record TicketReclassified(
        TicketType previousType,
        String previousSubType,
        TicketType type,
        String subType,
        Priority priority,
        boolean special,
        String staffId,
        String note,
        int revision) implements RoutingEvent {
}
