package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.projection.ShardedView;
import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each customer's archive as tickets change: the customer a ticket belonged to loses it, the
 * one it belongs to now gains it (usually the same customer, so only the counts that moved change).
 * Each shard keeps the customer's {@value #RECENT} most recent tickets of its partition, so the view
 * can show far more than a person reads while the document stays small.
 */
@Component
class CustomerShards implements ShardedView<CustomerShard> {

    static final int RECENT = 50;
    static final String UNCLASSIFIED = "unclassified";

    @Override
    public Class<CustomerShard> type() {
        return CustomerShard.class;
    }

    @Override
    public Collection<String> shardIds(TicketChange change) {
        Set<String> ids = new LinkedHashSet<>(2);
        if (change.before() != null && change.before().customerId() != null) {
            ids.add(Shard.id(change.before().customerId(), change.partition()));
        }
        if (change.after().customerId() != null) {
            ids.add(Shard.id(change.after().customerId(), change.partition()));
        }
        return ids;
    }

    @Override
    public CustomerShard create(String shardId) {
        return new CustomerShard(shardId, shardId.substring(0, shardId.lastIndexOf('#')));
    }

    @Override
    public void apply(CustomerShard shard, TicketChange change) {
        TicketDocument before = change.before();
        if (before != null && shard.customerId.equals(before.customerId())) {
            count(shard, before, -1);
            shard.recent.removeIf(summary -> summary.id().equals(before.id()));
        }
        TicketDocument after = change.after();
        if (shard.customerId.equals(after.customerId())) {
            count(shard, after, 1);
            shard.recent.removeIf(summary -> summary.id().equals(after.id()));
            shard.recent.add(TicketSummary.of(after));
            shard.recent.sort(TicketSummary.MOST_RECENT_CONTACT);
            if (shard.recent.size() > RECENT) {
                shard.recent.subList(RECENT, shard.recent.size()).clear();
            }
            profile(shard, after);
        }
    }

    private static void count(CustomerShard shard, TicketDocument ticket, long delta) {
        shard.tickets += delta;
        shard.open += ticket.isOpen() ? delta : 0;
        add(shard.byType, ticket.type() == null ? UNCLASSIFIED : ticket.type(), delta);
        add(shard.byMonth, month(ticket.contactAt()), delta);
    }

    /** Only a registration tells when the customer got in touch and how to reach them. */
    private static void profile(CustomerShard shard, TicketDocument ticket) {
        Instant at = ticket.receivedAt();
        if (at == null) {
            return;
        }
        shard.firstContactAt = shard.firstContactAt == null || at.isBefore(shard.firstContactAt) ? at : shard.firstContactAt;
        shard.lastContactAt = shard.lastContactAt == null || at.isAfter(shard.lastContactAt) ? at : shard.lastContactAt;
        TicketDocument.CustomerSnapshot customer = ticket.customer();
        if (customer == null || (shard.profileAt != null && at.isBefore(shard.profileAt))) {
            return; // an older registration never overwrites newer contact data
        }
        shard.profileAt = at;
        shard.name = latest(customer.name(), shard.name);
        shard.phone = latest(customer.phone(), shard.phone);
        shard.email = latest(customer.email(), shard.email);
        shard.tier = latest(customer.tier(), shard.tier);
    }

    static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    private static void add(Map<String, Long> counts, String key, long delta) {
        long count = counts.getOrDefault(key, 0L) + delta;
        if (count == 0) {
            counts.remove(key);
        } else {
            counts.put(key, count);
        }
    }

    private static String latest(String value, String previous) {
        return value != null ? value : previous;
    }
}
