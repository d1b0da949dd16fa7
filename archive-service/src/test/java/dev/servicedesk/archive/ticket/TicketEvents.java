package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketEvent;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of one ticket as intake and routing would publish them. */
public final class TicketEvents {

    private final String ticketId;
    private final String customerId;
    private final Instant receivedAt;

    public TicketEvents(String ticketId, String customerId, Instant receivedAt) {
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.receivedAt = receivedAt;
    }

    public static TicketEvents fresh(Instant receivedAt) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new TicketEvents("T-" + suffix, "C-" + suffix, receivedAt);
    }

    public String ticketId() {
        return ticketId;
    }

    public String customerId() {
        return customerId;
    }

    public EventEnvelope received() {
        return received(Channel.PHONE, "The parcel arrived damaged, the screen is cracked. 包裹破损");
    }

    public EventEnvelope received(Channel channel, String description) {
        TicketReceived payload = new TicketReceived(channel,
                new CustomerRef(customerId, "Zhang Wei", "+86 138 0000 0000", "zhang.wei@example.com", CustomerTier.VIP),
                "O-778", new ProductRef("Phone X", "B-2026-11"), description, "exchange it",
                receivedAt.minus(Duration.ofHours(3)), Channel.EMAIL, "zh", List.of("https://files.example/1.jpg"),
                false, receivedAt);
        return EventEnvelope.first(UUID.nameUUIDFromBytes((ticketId + "/received").getBytes()), ticketId,
                "intake-service", "corr-" + ticketId, receivedAt, payload);
    }

    public EventEnvelope routed() {
        return routed(TicketType.AFTER_SALES, "damaged-parcel", Department.AFTER_SALES, 1, 0.92, false);
    }

    public EventEnvelope routed(TicketType type, String subType, Department department, int revision,
                                double confidence, boolean needsReview) {
        Instant at = receivedAt.plusMillis(40L * revision);
        TicketRouted payload = new TicketRouted(customerId, type, subType, Priority.IMPORTANT, department,
                "agent-7", confidence, needsReview, List.of("keyword: damaged", "tier: vip"),
                new SlaDeadlines(at.plus(Duration.ofHours(4)), at.plus(Duration.ofHours(24)), Duration.ofHours(4)),
                type == TicketType.COMPLAINT ? ComplaintGrade.GENERAL : null, revision, null, null);
        return received().causes("routing-service", at, payload, "r" + revision);
    }

    /** Any later event of the ticket, caused by its registration; {@code after} tells events of one type apart. */
    public EventEnvelope later(TicketEvent payload, Duration after) {
        return received().causes("intake-service", receivedAt.plus(after), payload, after.toString());
    }
}
