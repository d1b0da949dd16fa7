package dev.servicedesk.intake.batching;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds single documents by a string {@code _id}: the lookups of concurrent requests go as one
 * {@code $in} query per collection, which every MongoDB, mongo-java-server included, answers from
 * the {@code _id} index.
 */
@Component
public class LookupsById {

    private static final int MAX_PER_ROUND = 500;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final Rounds<Lookup, Document> rounds = new Rounds<>(MAX_PER_ROUND, ROUND_TIMEOUT, this::findAll);

    LookupsById(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored document, or empty if there is none. */
    public Mono<Document> find(String collection, String id) {
        return rounds.call(new Lookup(collection, id));
    }

    private Mono<List<Document>> findAll(List<Lookup> lookups) {
        Map<String, Set<String>> idsByCollection = lookups.stream().collect(Collectors.groupingBy(
                Lookup::collection, LinkedHashMap::new, Collectors.mapping(Lookup::id, Collectors.toSet())));
        // flatMap subscribes to every collection's query at once and does not need ordered results
        return Flux.fromIterable(idsByCollection.entrySet())
                .flatMap(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids.getValue())), Document.class, ids.getKey())
                        .map(found -> Map.entry(new Lookup(ids.getKey(), String.valueOf(found.get("_id"))), found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(found -> lookups.stream().map(found::get).toList());
    }

    private record Lookup(String collection, String id) {
    }
}
