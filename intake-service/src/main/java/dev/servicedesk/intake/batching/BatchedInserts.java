package dev.servicedesk.intake.batching;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts single documents: those of concurrent requests go as one unordered insert per collection,
 * so a document whose {@code _id} is taken is refused alone and the others are stored.
 */
@Component
public class BatchedInserts {

    private static final int MAX_PER_ROUND = 500;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoTemplate mongo;
    private final Rounds<Insert, Outcome> rounds = new Rounds<>(MAX_PER_ROUND, ROUND_TIMEOUT, this::insertAll);

    BatchedInserts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the entity, mapped as the template maps it.
     *
     * @return {@code true} if stored, {@code false} if a document with its {@code _id} was there already
     */
    public Mono<Boolean> insert(String collection, Object entity) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        return rounds.call(new Insert(collection, document)).flatMap(Outcome::result);
    }

    private Mono<List<Outcome>> insertAll(List<Insert> inserts) {
        Map<String, List<Integer>> positionsByCollection = new LinkedHashMap<>();
        for (int i = 0; i < inserts.size(); i++) {
            positionsByCollection.computeIfAbsent(inserts.get(i).collection(), c -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[inserts.size()];
        Arrays.fill(outcomes, Outcome.STORED);
        return Flux.fromIterable(positionsByCollection.entrySet())
                .flatMap(batch -> insertInto(batch.getKey(), batch.getValue(), inserts, outcomes))
                .then(Mono.fromSupplier(() -> Arrays.asList(outcomes)));
    }

    private Mono<Void> insertInto(String collection, List<Integer> positions, List<Insert> inserts, Outcome[] outcomes) {
        List<Document> documents = positions.stream().map(position -> inserts.get(position).document()).toList();
        return mongo.getCollection(collection)
                .flatMap(target -> Mono.from(target.insertMany(documents, UNORDERED)))
                .then()
                .onErrorResume(MongoBulkWriteException.class, refused -> {
                    if (refused.getWriteConcernError() != null) {
                        return Mono.error(refused);
                    }
                    for (BulkWriteError error : refused.getWriteErrors()) {
                        outcomes[positions.get(error.getIndex())] =
                                ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                                        ? Outcome.TAKEN : new Outcome(refused);
                    }
                    return Mono.empty();
                });
    }

    private record Insert(String collection, Document document) {
    }

    /** @param failure {@code null} unless the database refused the document for another reason than its id */
    private record Outcome(boolean stored, RuntimeException failure) {

        static final Outcome STORED = new Outcome(true, null);
        static final Outcome TAKEN = new Outcome(false, null);

        Outcome(RuntimeException failure) {
            this(false, failure);
        }

        Mono<Boolean> result() {
            return failure == null ? Mono.just(stored) : Mono.error(failure);
        }
    }
}
