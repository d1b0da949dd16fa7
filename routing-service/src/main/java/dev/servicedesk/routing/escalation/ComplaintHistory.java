package dev.servicedesk.routing.escalation;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every complaint per customer, in MongoDB so that instances on other partitions see it too. A
 * customer's complaints can arrive on different partitions (the key is the ticket id), so the
 * answer depends only on the stored receive times, never on which instance saw what first.
 */
@Component
class ComplaintHistory {

    static final String COLLECTION = "complaint_history";
    static final int PRUNE_ABOVE = 100;

    /** One complaint to record. */
    record Complaint(String customerId, String ticketId, Instant receivedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    ComplaintHistory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the complaint (idempotently) and answers whether an earlier one lies within {@code window}. */
    Mono<Boolean> recordAndCheckRepeat(String customerId, String ticketId, Instant receivedAt, Duration window) {
        return recordAllAndCheckRepeats(List.of(new Complaint(customerId, ticketId, receivedAt)), window)
                .map(repeats -> repeats.get(ticketId));
    }

    /**
     * {@link #recordAndCheckRepeat} for many complaints with two round trips: one bulk of upserts
     * (one per customer, {@code $addToSet} so a redelivery adds nothing), then one read of those
     * customers' histories, which then hold every complaint stored so far, by any instance.
     *
     * @return per ticket id, whether an earlier complaint of the same customer lies within {@code window}
     */
    Mono<Map<String, Boolean>> recordAllAndCheckRepeats(List<Complaint> complaints, Duration window) {
        if (complaints.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, List<Document>> byCustomer = new LinkedHashMap<>();
        complaints.forEach(complaint -> byCustomer.computeIfAbsent(complaint.customerId(), customer -> new ArrayList<>())
                .add(entry(complaint.ticketId(), complaint.receivedAt())));
        // an upsert racing another instance's upsert of the same new customer may fail on the key: once more then
        return Mono.defer(() -> {
                    var operations = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    byCustomer.forEach((customerId, entries) -> operations.upsert(Query.query(Criteria.where("_id").is(customerId)),
                            new Update().addToSet("complaints").each(entries.toArray())));
                    return operations.execute();
                })
                .retry(2)
                .then(mongo.find(Query.query(Criteria.where("_id").in(byCustomer.keySet())), Document.class, COLLECTION)
                        .collectMap(document -> document.getString("_id")))
                .flatMap(histories -> {
                    Map<String, Boolean> repeats = new HashMap<>();
                    for (Complaint complaint : complaints) {
                        Document history = histories.get(complaint.customerId());
                        repeats.put(complaint.ticketId(), history != null && hasEarlier(history.getList("complaints", Document.class),
                                complaint.ticketId(), complaint.receivedAt(), window));
                    }
                    return prune(histories.values(), complaints, window).thenReturn(repeats);
                });
    }

    /**
     * A long history loses the complaints older than two windows before the customer's latest one:
     * they can no longer make a repeat (a complaint would have to arrive a window late), and every
     * {@code $addToSet} compares with every entry.
     */
    private Mono<Void> prune(Collection<Document> histories, List<Complaint> complaints, Duration window) {
        Map<String, Instant> latest = new HashMap<>();
        complaints.forEach(complaint -> latest.merge(complaint.customerId(), complaint.receivedAt(),
                (a, b) -> a.isAfter(b) ? a : b));
        var operations = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int pruned = 0;
        for (Document history : histories) {
            List<Document> entries = history.getList("complaints", Document.class);
            String customerId = history.getString("_id");
            if (entries.size() > PRUNE_ABOVE && latest.containsKey(customerId)) {
                Date cutoff = Date.from(latest.get(customerId).minus(window.multipliedBy(2)));
                if (entries.stream().anyMatch(entry -> entry.getDate("at").before(cutoff))) {
                    operations.updateOne(Query.query(Criteria.where("_id").is(customerId)),
                            new Update().pull("complaints", new Document("at", new Document("$lt", cutoff))));
                    pruned++;
                }
            }
        }
        return pruned == 0 ? Mono.empty() : operations.execute().then();
    }

    private static Document entry(String ticketId, Instant receivedAt) {
        return new Document("ticketId", ticketId).append("at", Date.from(receivedAt));
    }

    private static boolean hasEarlier(List<Document> complaints, String ticketId, Instant receivedAt, Duration window) {
        Instant from = receivedAt.minus(window);
        for (Document complaint : complaints) {
            String other = complaint.getString("ticketId");
            Instant at = complaint.getDate("at").toInstant();
            boolean earlier = at.isBefore(receivedAt) || (at.equals(receivedAt) && other.compareTo(ticketId) < 0);
            if (!other.equals(ticketId) && earlier && !at.isBefore(from)) {
                return true;
            }
        }
        return false;
    }
}
