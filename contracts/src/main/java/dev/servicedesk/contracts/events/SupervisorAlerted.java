package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;

import java.util.List;

/**
 * A supervisor must look at a ticket at once: a complaint or a safety hazard.
 *
 * @param causes  why: {@code complaint}, {@code safety-hazard}
 * @param summary the customer's words, shortened
 */
public record SupervisorAlerted(
        String customerId,
        List<String> causes,
        TicketType type,
        String subType,
        Priority priority,
        ComplaintGrade complaintGrade,
        Department department,
        String summary,
        List<String> reasons) implements EscalationEvent {
}
