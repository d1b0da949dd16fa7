package dev.servicedesk.archive.ticket;

import java.time.Instant;

/** A ticket in a list: enough to recognise it, without its timeline. */
public record TicketSummary(
        String id,
        String status,
        boolean open,
        String channel,
        String type,
        String subType,
        String priority,
        String department,
        Boolean needsReview,
        boolean escalated,
        String customerId,
        String customerName,
        Instant receivedAt,
        Instant lastActivityAt,
        String subject) {

    private static final int SUBJECT_LIMIT = 80;

    public static TicketSummary of(TicketDocument ticket) {
        return new TicketSummary(ticket.id(), ticket.status(), TicketStatus.isOpen(ticket.status()), ticket.channel(),
                ticket.type(), ticket.subType(), ticket.priority(), ticket.department(), ticket.needsReview(),
                ticket.escalated(), ticket.customerId(), ticket.customer() == null ? null : ticket.customer().name(),
                ticket.receivedAt(), ticket.lastActivityAt(), subject(ticket.description()));
    }

    private static String subject(String description) {
        if (description == null) {
            return null;
        }
        String flat = description.strip().replaceAll("\\s+", " ");
        return flat.length() <= SUBJECT_LIMIT ? flat : flat.substring(0, SUBJECT_LIMIT - 1) + "…";
    }
}
