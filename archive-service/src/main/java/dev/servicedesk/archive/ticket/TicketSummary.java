package dev.servicedesk.archive.ticket;

import java.time.Instant;
import java.util.Comparator;

/** A ticket in a list: enough to recognise it, without its timeline. Kept inside list documents, so small. */
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

    private static final int SUBJECT_LIMIT = 60;

    /** Most recently active first; the id breaks ties so every reader sorts alike. */
    public static final Comparator<TicketSummary> MOST_RECENT_ACTIVITY = Comparator
            .comparing(TicketSummary::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TicketSummary::id);

    /** Most recently received first. */
    public static final Comparator<TicketSummary> MOST_RECENT_CONTACT = Comparator
            .comparing(TicketSummary::contactAt, Comparator.reverseOrder())
            .thenComparing(TicketSummary::id);

    public static TicketSummary of(TicketDocument ticket) {
        return new TicketSummary(ticket.id(), ticket.status(), ticket.isOpen(), ticket.channel(),
                ticket.type(), ticket.subType(), ticket.priority(), ticket.department(), ticket.needsReview(),
                ticket.escalated(), ticket.customerId(), ticket.customer() == null ? null : ticket.customer().name(),
                ticket.receivedAt(), ticket.lastActivityAt(), subject(ticket.description()));
    }

    public Instant contactAt() {
        if (receivedAt != null) {
            return receivedAt;
        }
        return lastActivityAt != null ? lastActivityAt : Instant.EPOCH;
    }

    private static String subject(String description) {
        if (description == null) {
            return null;
        }
        String flat = description.strip().replaceAll("\\s+", " ");
        return flat.length() <= SUBJECT_LIMIT ? flat : flat.substring(0, SUBJECT_LIMIT - 1) + "…";
    }
}
