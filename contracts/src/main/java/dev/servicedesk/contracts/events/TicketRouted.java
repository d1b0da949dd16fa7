package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;

import java.util.List;

/**
 * The routing decision for a ticket.
 *
 * @param customerId     the customer, so consumers need not join on intake's events
 * @param confidence     classifier confidence in [0, 1]
 * @param needsReview    confidence too low: staff should check the classification
 * @param reasons        why: rules fired, signals seen
 * @param firstOwner     the one owner accountable across departments
 * @param complaintGrade for complaints only, otherwise {@code null}
 */
public record TicketRouted(
        String customerId,
        TicketType type,
        String subType,
        Priority priority,
        Department department,
        String firstOwner,
        double confidence,
        boolean needsReview,
        List<String> reasons,
        SlaDeadlines deadlines,
        ComplaintGrade complaintGrade) implements RoutingEvent {
}
