package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;

/**
 * A classification set by staff; it replaces the classifier's answer for this ticket from now on,
 * including when the ticket is reopened later.
 *
 * @param priority {@code null} to let routing assess the priority again
 * @param special  staff decided the complaint is special
 */
public record StaffClassification(TicketType type, String subType, Priority priority, boolean special, String staffId) {
}
