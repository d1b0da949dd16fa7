package dev.servicedesk.routing.assignment;

import dev.servicedesk.contracts.ticket.Department;

/** The department that works on a ticket, its one first owner, and why. */
public record Assignment(Department department, String firstOwner, String reason) {
}
