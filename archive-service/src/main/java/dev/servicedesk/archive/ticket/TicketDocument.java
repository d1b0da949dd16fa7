package dev.servicedesk.archive.ticket;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One ticket as the archive sees it: state folded from every event of the ticket, and the events
 * themselves as its timeline. Fields that KPIs group or filter on are kept at the top level.
 *
 * @param version        incremented by every applied event; guards concurrent writers
 * @param lastActivityAt the latest {@code occurredAt} of any event of the ticket
 * @param revision       the routing revision the classification comes from
 */
@Document(TicketDocument.COLLECTION)
public record TicketDocument(
        @Id String id,
        long version,
        String status,
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

    /** Field names that queries and aggregations use. */
    public static final class Fields {
        public static final String STATUS = "status";
        public static final String CUSTOMER_ID = "customerId";
        public static final String CHANNEL = "channel";
        public static final String TYPE = "type";
        public static final String PRIORITY = "priority";
        public static final String DEPARTMENT = "department";
        public static final String NEEDS_REVIEW = "needsReview";
        public static final String ESCALATED = "escalated";
        public static final String LAST_ACTIVITY_AT = "lastActivityAt";
        public static final String RECEIVED_AT = "receivedAt";
        public static final String TIMELINE = "timeline";
        public static final String VERSION = "version";

        private Fields() {
        }
    }

    public record CustomerSnapshot(String id, String name, String phone, String email, String tier) {
    }

    public record ProductSnapshot(String name, String batch) {
    }

    boolean contains(String eventId) {
        return timeline.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }
}
