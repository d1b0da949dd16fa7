package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Department;

/**
 * A department no longer owns a ticket because it was routed elsewhere.
 *
 * @param reassignedTo the department that owns it now
 * @param reason       why it moved (reclassified by staff, reopened)
 * @param revision     the routing revision that replaced this department's work item
 */
public record WorkItemWithdrawn(Department department, Department reassignedTo, String reason, int revision)
        implements WorkEvent {
}
