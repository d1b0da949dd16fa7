package dev.servicedesk.archive.lists;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.projection.UpdateOnlyView;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the lists of most recently active tickets: {@code all}, and one per status. A ticket that
 * changes moves to the top of {@code all} and from its old status's list to its new one. Each shard
 * keeps {@value #PER_SHARD}, so a list read merges a few small documents; with tickets spread
 * evenly over partitions that covers the {@value #MAX_LIMIT} a caller may ask for many times over.
 *
 * <p>A shard is never read to be written. Per shard a poll sends two updates: {@code $pull} of
 * every changed ticket that touched it, then {@code $push} of the latest summaries of those that
 * belong in it, sorted into place and cut to size by the database. Sending them again after a
 * redelivery leaves the same list, so no offsets are kept. Reading a shard to write it would move up
 * to 60 summaries each way for a change of one ticket.
 */
@Component
class RecentTickets implements UpdateOnlyView {

    static final int PER_SHARD = 60;
    static final int MAX_LIMIT = 100;
    static final String ALL = "all";

    /** {@link TicketSummary#MOST_RECENT_ACTIVITY} as the database sorts. */
    private static final Document MOST_RECENT_ACTIVITY = new Document("lastActivityAt", -1).append("_id", 1);

    private final ReactiveMongoTemplate mongo;

    RecentTickets(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String statusList(String status) {
        return "status:" + status;
    }

    @Override
    public Mono<Void> write(List<TicketChange> changes) {
        Map<String, TicketDocument> latest = new HashMap<>();
        Map<String, Set<String>> ticketsByShard = new LinkedHashMap<>();
        for (TicketChange change : changes) {
            latest.put(change.after().id(), change.after());
            for (String shardId : shardIds(change)) {
                ticketsByShard.computeIfAbsent(shardId, id -> new LinkedHashSet<>()).add(change.after().id());
            }
        }
        if (ticketsByShard.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, TicketListShard.class);
        ticketsByShard.forEach((shardId, ticketIds) -> {
            Query shard = query(where("_id").is(shardId));
            bulk.updateOne(shard, new BasicUpdate(pull(ticketIds)));
            List<Document> listed = new ArrayList<>();
            for (String ticketId : ticketIds) {
                TicketDocument ticket = latest.get(ticketId);
                if (belongs(shardId, ticket)) {
                    listed.add((Document) mongo.getConverter().convertToMongoType(TicketSummary.of(ticket)));
                }
            }
            if (!listed.isEmpty()) {
                bulk.upsert(shard, new BasicUpdate(push(listed)));
            }
        });
        return bulk.execute().then();
    }

    private static Set<String> shardIds(TicketChange change) {
        Set<String> ids = new LinkedHashSet<>(3);
        ids.add(Shard.id(ALL, change.partition()));
        if (change.before() != null && change.before().status() != null) {
            ids.add(Shard.id(statusList(change.before().status()), change.partition()));
        }
        if (change.after().status() != null) {
            ids.add(Shard.id(statusList(change.after().status()), change.partition()));
        }
        return ids;
    }

    private static boolean belongs(String shardId, TicketDocument ticket) {
        String list = shardId.substring(0, shardId.lastIndexOf('#'));
        return list.equals(ALL) || (ticket.status() != null && list.equals(statusList(ticket.status())));
    }

    private static Document pull(Set<String> ticketIds) {
        return new Document("$pull", new Document("tickets",
                new Document("_id", new Document("$in", new ArrayList<>(ticketIds)))));
    }

    private static Document push(List<Document> summaries) {
        return new Document("$push", new Document("tickets", new Document("$each", summaries)
                .append("$sort", MOST_RECENT_ACTIVITY)
                .append("$slice", PER_SHARD)));
    }
}
