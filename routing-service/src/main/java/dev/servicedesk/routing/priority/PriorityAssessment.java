package dev.servicedesk.routing.priority;

import dev.servicedesk.contracts.ticket.Priority;

import java.util.List;

/**
 * @param safetyHazard a safety hazard was reported: a supervisor is alerted whatever the type
 * @param reasons      the signals that decided the priority
 */
public record PriorityAssessment(Priority priority, boolean safetyHazard, List<String> reasons) {
}
