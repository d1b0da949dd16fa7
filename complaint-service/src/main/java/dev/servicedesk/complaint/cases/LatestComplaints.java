package dev.servicedesk.complaint.cases;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The most recently opened complaint cases, newest first, kept in one document so that the list is
 * read by key instead of by sorting every case. A poll's cases are pulled out and pushed back in,
 * sorted into place and cut to {@value #KEPT} by the database, so a redelivery leaves the same list.
 */
@Component
class LatestComplaints {

    static final int KEPT = 200;
    static final String COLLECTION = "complaint_lists";
    private static final Logger log = LoggerFactory.getLogger(LatestComplaints.class);
    private static final Query LATEST = query(where("_id").is("latest"));
    /** Set once the list holds the cases opened before it existed. */
    private static final String BUILT = "builtFromCases";
    private static final Document NEWEST_FIRST = new Document("openedAt", -1).append("_id", 1);

    private final ReactiveMongoTemplate mongo;

    LatestComplaints(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> add(Collection<ComplaintCase> cases) {
        if (cases.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = cases.stream().map(ComplaintCase::ticketId).toList();
        List<Document> entries = cases.stream().map(open -> (Document) mongo.getConverter().convertToMongoType(open)).toList();
        return mongo.bulkOps(BulkMode.ORDERED, COLLECTION)
                .updateOne(LATEST, new BasicUpdate(new Document("$pull",
                        new Document("cases", new Document("_id", new Document("$in", ids))))))
                .upsert(LATEST, new BasicUpdate(new Document("$push", new Document("cases",
                        new Document("$each", entries).append("$sort", NEWEST_FIRST).append("$slice", KEPT)))))
                .execute()
                .then();
    }

    Flux<ComplaintCase> newest(int limit) {
        return mongo.findOne(LATEST, ComplaintList.class, COLLECTION)
                .flatMapIterable(list -> list.cases() == null ? List.of() : list.cases())
                .take(limit);
    }

    /**
     * Cases opened before the list existed are added once, from a sorted read of all cases: the
     * only read that is not by key, tried at start until it succeeds.
     */
    @EventListener(ApplicationReadyEvent.class)
    void addCasesOpenedBeforeTheList() {
        addCasesOpenedBefore()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn("Latest complaints list not built yet: {}", retry.failure().toString())))
                .subscribe();
    }

    Mono<Void> addCasesOpenedBefore() {
        // read by _id alone and checked here: a filter on another field too is a scan on the embedded store
        return mongo.findOne(LATEST, Document.class, COLLECTION)
                .map(list -> Boolean.TRUE.equals(list.getBoolean(BUILT)))
                .defaultIfEmpty(false)
                .filter(built -> !built)
                .flatMap(missing -> mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(KEPT),
                        ComplaintCase.class).collectList())
                .flatMap(cases -> add(cases)
                        .then(mongo.upsert(LATEST, Update.update(BUILT, true), COLLECTION))
                        .doOnSuccess(done -> log.info("Latest complaints list built from {} stored cases", cases.size())))
                .then();
    }

    /** The stored list. */
    record ComplaintList(String id, List<ComplaintCase> cases) {
    }
}
