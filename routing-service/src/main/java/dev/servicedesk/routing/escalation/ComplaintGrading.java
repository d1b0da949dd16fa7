package dev.servicedesk.routing.escalation;

import dev.servicedesk.contracts.ticket.ComplaintGrade;

import java.util.List;

/** General or special, and why. */
public record ComplaintGrading(ComplaintGrade grade, List<String> reasons) {
}
