package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;

import java.util.List;

/**
 * The routing decision for a ticket. A ticket routed again (staff reclassified it, or it was
 * reopened) gets a new decision with a higher {@code revision}; the latest revision wins.
 *
 * @param customerId     the customer, so consumers need not join on intake's events
 * @param confidence     classifier confidence in [0, 1]
 * @param needsReview    confidence too low: staff should check the classification
 * @param reasons        why: rules fired, signals seen
 * @param firstOwner     the one owner accountable across departments
 * @param complaintGrade for complaints only, otherwise {@code null}
 * @param revision       1 for the first decision, incremented by every re-routing
 * @param product        the product and batch concerned, when known
 * @param clusterId      the problem cluster the ticket belongs to, if any
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
        ComplaintGrade complaintGrade,
        int revision,
        ProductRef product,
        String clusterId) implements RoutingEvent {

    /** A first decision without product or cluster. */
    public TicketRouted(String customerId, TicketType type, String subType, Priority priority, Department department,
                        String firstOwner, double confidence, boolean needsReview, List<String> reasons,
                        SlaDeadlines deadlines, ComplaintGrade complaintGrade) {
        this(customerId, type, subType, priority, department, firstOwner, confidence, needsReview, reasons,
                deadlines, complaintGrade, 1, null, null);
    }
}
