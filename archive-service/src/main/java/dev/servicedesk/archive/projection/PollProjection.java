package dev.servicedesk.archive.projection;

import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketFold;
import dev.servicedesk.contracts.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Projects one poll: one read of the poll's tickets, the events folded in memory in offset order,
 * then, all views at once, per sharded view one read and one bulk write of its shards and per
 * update-only view one bulk write, and last one bulk write of the tickets. The cost of a poll
 * depends on its events, never on how many tickets are stored.
 *
 * <p>Order of the writes: views before tickets. A redelivered event is recognised by the ticket
 * (its id is in the timeline) and by each shard (its offset is at or below the shard's), and an
 * update-only view's updates leave the same view when sent again, so a crash anywhere between the
 * writes neither loses nor double-counts it.
 */
@Component
class PollProjection {

    private static final FindAndReplaceOptions UPSERT = FindAndReplaceOptions.options().upsert();

    private final ReactiveMongoTemplate mongo;
    private final List<ShardedView<?>> views;
    private final List<UpdateOnlyView> updateOnlyViews;
    private final Counter applied;
    private final Counter duplicates;

    PollProjection(ReactiveMongoTemplate mongo, List<ShardedView<?>> views, List<UpdateOnlyView> updateOnlyViews,
                   MeterRegistry meters) {
        this.mongo = mongo;
        this.views = views;
        this.updateOnlyViews = updateOnlyViews;
        this.applied = meters.counter("archive.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("archive.projection.events", "outcome", "duplicate");
    }

    Mono<Void> project(List<ConsumerRecord<String, EventEnvelope>> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        Set<String> ticketIds = new LinkedHashSet<>();
        records.forEach(record -> ticketIds.add(record.value().ticketId()));
        return mongo.find(query(where("_id").in(ticketIds)), TicketDocument.class)
                .collectMap(TicketDocument::id)
                .flatMap(stored -> {
                    Fold fold = fold(records, stored);
                    // the views are separate collections, written side by side: under load each
                    // round trip waits its turn for a database commit, so a poll costs the longest
                    // view's round trips rather than the sum of all of them
                    List<Mono<Void>> viewWrites = new ArrayList<>();
                    views.forEach(view -> viewWrites.add(writeShards(view, fold.changes())));
                    if (!fold.changes().isEmpty()) {
                        updateOnlyViews.forEach(view -> viewWrites.add(view.write(fold.changes())));
                    }
                    return Mono.when(viewWrites).then(writeTickets(fold.changed().values()));
                });
    }

    private Fold fold(List<ConsumerRecord<String, EventEnvelope>> records, Map<String, TicketDocument> stored) {
        Map<String, TicketFold> folds = new HashMap<>();
        Map<String, TicketDocument> current = new HashMap<>(stored);
        Map<String, TicketDocument> changed = new LinkedHashMap<>();
        List<TicketChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            String ticketId = record.value().ticketId();
            TicketFold ticket = folds.computeIfAbsent(ticketId, id -> TicketFold.from(id, stored.get(id)));
            if (!ticket.apply(record.value())) {
                duplicates.increment();
                continue;
            }
            applied.increment();
            TicketDocument after = ticket.toDocument();
            changes.add(new TicketChange(current.get(ticketId), after, record.partition(),
                    source(record), record.offset()));
            current.put(ticketId, after);
            changed.put(ticketId, after);
        }
        return new Fold(changes, changed);
    }

    /**
     * The topic-partition as a field name. MongoDB field names must not contain dots; Kafka refuses
     * topics whose names differ only in '.' against '_', so the replacement cannot collide.
     */
    private static String source(ConsumerRecord<?, ?> record) {
        return record.topic().replace('.', '_') + "-" + record.partition();
    }

    private <S extends Shard> Mono<Void> writeShards(ShardedView<S> view, List<TicketChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.addAll(view.shardIds(change)));
        return mongo.find(query(where("_id").in(ids)), view.type())
                .collectMap(Shard::id)
                .flatMap(stored -> {
                    Map<String, S> touched = new LinkedHashMap<>();
                    for (TicketChange change : changes) {
                        for (String id : view.shardIds(change)) {
                            S shard = touched.computeIfAbsent(id, key -> stored.containsKey(key) ? stored.get(key) : view.create(key));
                            if (shard.takes(change)) {
                                view.apply(shard, change);
                                shard.took(change);
                            }
                        }
                    }
                    return replaceAll(view.type(), touched.values());
                });
    }

    private Mono<Void> writeTickets(Collection<TicketDocument> tickets) {
        return replaceAll(TicketDocument.class, tickets);
    }

    private Mono<Void> replaceAll(Class<?> type, Collection<?> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, type);
        for (Object document : documents) {
            bulk.replaceOne(query(where("_id").is(idOf(document))), document, UPSERT);
        }
        return bulk.execute().then();
    }

    private static String idOf(Object document) {
        return document instanceof TicketDocument ticket ? ticket.id() : ((Shard) document).id();
    }

    private record Fold(List<TicketChange> changes, Map<String, TicketDocument> changed) {
    }
}
