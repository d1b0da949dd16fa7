package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;

import java.util.List;

/**
 * A department received a ticket to work on: everything it needs without asking intake.
 * Departments report progress to the agent, never to the customer directly.
 *
 * @param revision the routing revision this work item belongs to
 */
public record WorkItemAssigned(
        Department department,
        String owner,
        CustomerRef customer,
        Channel channel,
        String orderNumber,
        ProductRef product,
        String description,
        String customerRequest,
        List<String> attachments,
        TicketType type,
        String subType,
        Priority priority,
        ComplaintGrade complaintGrade,
        SlaDeadlines deadlines,
        List<String> reasons,
        int revision) implements WorkEvent {
}
