package dev.servicedesk.archive.ticket;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One ticket as the archive sees it: state folded from every event of the ticket, and a line per
 * event as its timeline. Read and written by {@code _id} only.
 *
 * @param status         derived: the latest lifecycle status, else {@code routed} once classified, else {@code received}
 * @param lifecycleAt    when the event that set {@code lifecycle} happened; with {@code lifecycleEventId} it orders
 *                       lifecycle events however late one of them arrives
 * @param lastActivityAt the latest {@code occurredAt} of any event of the ticket
 * @param revision       the routing revision the classification comes from
 */
@Document(TicketDocument.COLLECTION)
public record TicketDocument(
        @Id String id,
        String status,
        String lifecycle,
        Instant lifecycleAt,
        String lifecycleEventId,
        Instant lastActivityAt,
        // registration form, from TicketReceived
        Instant receivedAt,
        String channel,
        String customerId,
        CustomerSnapshot customer,
        String orderNumber,
        ProductSnapshot product,
        String description,
        String customerRequest,
        Instant problemOccurredAt,
        String preferredContact,
        String language,
        List<String> attachments,
        Boolean urgentSignal,
        // classification, from the latest TicketRouted revision
        String type,
        String subType,
        String priority,
        String department,
        String firstOwner,
        Double confidence,
        List<String> reasons,
        Boolean needsReview,
        Integer revision,
        Instant firstResponseDue,
        Instant firstSolutionDue,
        String progressEvery,
        String complaintGrade,
        // what happened since
        boolean escalated,
        String clusterId,
        Instant resolvedAt,
        Instant closedAt,
        List<TimelineEntry> timeline) {

    public static final String COLLECTION = "tickets";

    public record CustomerSnapshot(String id, String name, String phone, String email, String tier) {
    }

    public record ProductSnapshot(String name, String batch) {
    }

    public boolean isOpen() {
        return TicketStatus.isOpen(status);
    }

    /** When the customer got in touch: the registration time, or the first event seen while that is still missing. */
    public Instant contactAt() {
        if (receivedAt != null) {
            return receivedAt;
        }
        return lastActivityAt != null ? lastActivityAt : Instant.EPOCH;
    }
}
