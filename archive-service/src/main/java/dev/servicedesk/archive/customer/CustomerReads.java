package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.projection.ShardIds;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A customer's archive: their shards, read by id and merged. */
@Component
public class CustomerReads {

    private final ReactiveMongoTemplate mongo;
    private final ShardIds shardIds;
    private final SegmentPolicy policy;
    private final Clock clock;

    CustomerReads(ReactiveMongoTemplate mongo, ShardIds shardIds, SegmentPolicy policy, Clock clock) {
        this.mongo = mongo;
        this.shardIds = shardIds;
        this.policy = policy;
        this.clock = clock;
    }

    /** Empty when no event of any ticket of the customer has arrived. */
    Mono<CustomerView> customer(String customerId) {
        return shards(customerId).filter(shards -> !shards.isEmpty()).map(shards -> merge(customerId, shards));
    }

    /** The customer's most recent tickets, most recently active first. */
    public Mono<List<TicketSummary>> recentTickets(String customerId) {
        return shards(customerId).map(shards -> shards.stream()
                .flatMap(shard -> shard.recent.stream())
                .sorted(TicketSummary.MOST_RECENT_ACTIVITY)
                .toList());
    }

    private Mono<List<CustomerShard>> shards(String customerId) {
        return mongo.find(query(where("_id").in(shardIds.of(customerId))), CustomerShard.class)
                .filter(shard -> shard.tickets > 0)
                .collectList();
    }

    CustomerView merge(String customerId, List<CustomerShard> shards) {
        List<CustomerShard> newestProfileFirst = shards.stream()
                .sorted(Comparator.comparing((CustomerShard shard) -> shard.profileAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        String name = null;
        String phone = null;
        String email = null;
        String tier = null;
        for (CustomerShard shard : newestProfileFirst) { // each field from the latest registration that has it
            name = name != null ? name : shard.name;
            phone = phone != null ? phone : shard.phone;
            email = email != null ? email : shard.email;
            tier = tier != null ? tier : shard.tier;
        }
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        long tickets = 0;
        long open = 0;
        Instant first = null;
        Instant last = null;
        for (CustomerShard shard : shards) {
            tickets += shard.tickets;
            open += shard.open;
            shard.byType.forEach((type, count) -> byType.merge(type, count, Long::sum));
            shard.byMonth.forEach((month, count) -> byMonth.merge(month, count, Long::sum));
            first = first == null || (shard.firstContactAt != null && shard.firstContactAt.isBefore(first)) ? shard.firstContactAt : first;
            last = last == null || (shard.lastContactAt != null && shard.lastContactAt.isAfter(last)) ? shard.lastContactAt : last;
        }
        List<TicketSummary> recent = shards.stream()
                .flatMap(shard -> shard.recent.stream())
                .sorted(TicketSummary.MOST_RECENT_CONTACT)
                .limit(CustomerShards.RECENT)
                .toList();
        return new CustomerView(customerId, name, phone, email, tier, first, last, tickets, open,
                byType.getOrDefault("complaint", 0L), byType, segment(first, byMonth), recent);
    }

    /** Volume counts whole months: those that start after the window's start month. */
    private CustomerView.Segment segment(Instant firstContact, Map<String, Long> byMonth) {
        Instant now = clock.instant();
        String time = firstContact != null && firstContact.isAfter(now.minus(policy.newFor())) ? "new" : "returning";
        YearMonth windowStart = YearMonth.from(now.minus(policy.volumeWindow()).atZone(ZoneOffset.UTC));
        long inWindow = byMonth.entrySet().stream()
                .filter(entry -> YearMonth.parse(entry.getKey()).isAfter(windowStart))
                .mapToLong(Map.Entry::getValue)
                .sum();
        String volume = inWindow >= policy.keyFrom() ? "key" : inWindow >= policy.ordinaryFrom() ? "ordinary" : "occasional";
        return new CustomerView.Segment(time, volume, inWindow);
    }
}
