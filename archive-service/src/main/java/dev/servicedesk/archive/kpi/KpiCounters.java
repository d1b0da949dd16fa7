package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.projection.ShardedView;
import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.ticket.TicketDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the KPI counters as events arrive: a ticket's change takes its old values out of the
 * counters and puts its new ones in, so a summary is a sum of a few documents however many
 * tickets are stored. Days are counted in the service centre's time zone.
 */
@Component
class KpiCounters implements ShardedView<KpiShard> {

    static final String UNKNOWN = "unknown";
    static final String TOTAL = "total";
    static final String STATE = "state";
    static final String RECEIVED_ON = "receivedOn";
    static final String RESOLVED_ON = "resolvedOn";
    static final String OPEN = "open";
    static final String RESOLVED = "resolved";
    static final String NEEDS_REVIEW = "needsReview";
    static final String ESCALATED = "escalated";

    private final ZoneId zone;

    KpiCounters(@Value("${servicedesk.archive.kpi.zone:UTC}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Class<KpiShard> type() {
        return KpiShard.class;
    }

    @Override
    public Collection<String> shardIds(TicketChange change) {
        return List.of(Shard.id(KpiShard.KEY, change.partition()));
    }

    @Override
    public KpiShard create(String shardId) {
        return new KpiShard(shardId);
    }

    @Override
    public void apply(KpiShard shard, TicketChange change) {
        if (change.before() != null) {
            shard.add(contribution(change.before()), -1);
        }
        shard.add(contribution(change.after()), 1);
    }

    /** What one ticket adds to the counters: one value per dimension it counts in. */
    Map<String, String> contribution(TicketDocument ticket) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TOTAL, TOTAL);
        values.put("status", orUnknown(ticket.status()));
        values.put("channel", orUnknown(ticket.channel()));
        values.put("type", orUnknown(ticket.type()));
        values.put("priority", orUnknown(ticket.priority()));
        values.put("department", orUnknown(ticket.department()));
        values.put(STATE, ticket.isOpen() ? OPEN : RESOLVED);
        if (ticket.isOpen() && Boolean.TRUE.equals(ticket.needsReview())) {
            values.put(NEEDS_REVIEW, OPEN);
        }
        if (ticket.escalated()) {
            values.put(ESCALATED, ESCALATED);
        }
        if (ticket.receivedAt() != null) {
            values.put(RECEIVED_ON, day(ticket.receivedAt()));
        }
        if (ticket.resolvedAt() != null) {
            values.put(RESOLVED_ON, day(ticket.resolvedAt()));
        }
        return values;
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    private String day(Instant at) {
        return LocalDate.ofInstant(at, zone).toString();
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
