package dev.servicedesk.routing.reclassification;

import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.decision.RoutingRecord;

import java.util.List;

/** A ticket's current routing decision as the API shows it. */
record ClassificationView(String ticketId, int revision, TicketType type, String subType, Priority priority,
                          Department department, String firstOwner, double confidence, boolean needsReview,
                          List<String> reasons, SlaDeadlines deadlines, ComplaintGrade complaintGrade,
                          String clusterId, String classifiedBy) {

    static ClassificationView of(RoutingRecord record) {
        TicketRouted routed = record.routed();
        return new ClassificationView(record.ticketId(), routed.revision(), routed.type(), routed.subType(),
                routed.priority(), routed.department(), routed.firstOwner(), routed.confidence(), routed.needsReview(),
                routed.reasons(), routed.deadlines(), routed.complaintGrade(), routed.clusterId(),
                record.staff() == null ? "classifier" : record.staff().staffId());
    }
}
