package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Department;

/**
 * A department reported how work on the ticket is going (问题处理进度跟踪表).
 *
 * @param department the department reporting, if known
 * @param reportedBy who reported: a person or a department system
 * @param summary    what was done and what comes next
 */
public record ProgressReported(Department department, String reportedBy, String summary) implements TicketLifecycleEvent {
}
