package dev.servicedesk.complaint.cases;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A complaint case (顾客投诉登记表), keyed by ticket id so a ticket has at most one case.
 *
 * @param openedBy the routing event that opened the case
 */
@Document("complaint_cases")
record ComplaintCase(@Id String ticketId, String customerId, String subType, ComplaintGrade grade,
                     ComplaintStatus status, Instant openedAt, String openedBy) {
}
