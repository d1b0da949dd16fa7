package dev.servicedesk.routing.escalation;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Every complaint per customer, in MongoDB so that instances on other partitions see it too. A
 * customer's complaints can arrive on different partitions (the key is the ticket id), so the
 * answer depends only on the stored receive times, never on which instance saw what first.
 */
@Component
class ComplaintHistory {

    static final String COLLECTION = "complaint_history";

    private final ReactiveMongoTemplate mongo;

    ComplaintHistory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the complaint (idempotently) and answers whether an earlier one lies within {@code window}. */
    Mono<Boolean> recordAndCheckRepeat(String customerId, String ticketId, Instant receivedAt, Duration window) {
        Document entry = new Document("ticketId", ticketId).append("at", Date.from(receivedAt));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(customerId)),
                        new Update().addToSet("complaints", entry),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(document -> hasEarlier(document.getList("complaints", Document.class), ticketId, receivedAt, window))
                .defaultIfEmpty(false);
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
