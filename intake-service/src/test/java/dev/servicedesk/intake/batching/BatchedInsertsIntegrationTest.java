package dev.servicedesk.intake.batching;

import dev.servicedesk.intake.IntakeIntegrationSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedInsertsIntegrationTest extends IntakeIntegrationSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    BatchedInserts inserts;

    @Autowired
    LookupsById lookups;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void concurrentInsertsShareCommandsAndATakenIdIsRefusedAlone() {
        String collection = "batched-" + UUID.randomUUID();
        mongo.insert(new Document("_id", "taken").append("by", "earlier"), collection).block(WAIT);
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "doc-" + i).toList();

        // subscribed at once, as concurrent requests would: the first goes alone, the rest queue behind it
        List<Boolean> stored = Flux.concat(
                        Flux.fromIterable(ids).map(id -> inserts.insert(collection, new Document("_id", id).append("n", id))),
                        Flux.just(inserts.insert(collection, new Document("_id", "taken").append("by", "later")),
                                inserts.insert(collection, new Document("_id", "doc-7").append("n", "again"))))
                .collectList()
                .flatMapMany(Flux::mergeSequential)
                .collectList()
                .block(WAIT);

        assertThat(stored).hasSize(42);
        assertThat(stored.subList(0, 40)).containsOnly(true);
        assertThat(stored.subList(40, 42)).containsExactly(false, false);
        assertThat(mongo.findById("taken", Document.class, collection).block(WAIT)).containsEntry("by", "earlier");
        assertThat(mongo.findById("doc-7", Document.class, collection).block(WAIT)).containsEntry("n", "doc-7");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), collection).block(WAIT)).isEqualTo(41);
        // one command each would be 42; a busy machine may spread the calls over a few more rounds
        assertThat(commands("insert", collection)).isBetween(2L, 10L);
    }

    @Test
    void concurrentLookupsShareCommandsAndEachGetsItsOwnDocument() {
        String collection = "looked-up-" + UUID.randomUUID();
        String other = "looked-up-" + UUID.randomUUID();
        mongo.insertAll(Mono.just(IntStream.range(0, 30).mapToObj(i -> new Document("_id", "k" + i).append("n", i)).toList()),
                collection).blockLast(WAIT);
        mongo.insert(new Document("_id", "k3").append("n", "elsewhere"), other).block(WAIT);

        List<Mono<Object>> calls = IntStream.range(0, 35)
                .mapToObj(i -> lookups.find(collection, "k" + i).<Object>map(found -> found.get("n")).defaultIfEmpty("none"))
                .toList();
        Mono<Object> fromOther = lookups.find(other, "k3").map(found -> found.get("n"));
        List<Object> found = Flux.concat(Flux.fromIterable(calls).collectList(), Mono.just(List.of(fromOther)))
                .flatMapIterable(list -> list)
                .collectList()
                .flatMapMany(Flux::mergeSequential)
                .collectList()
                .block(WAIT);

        assertThat(found.subList(0, 30)).isEqualTo(IntStream.range(0, 30).boxed().map(Object.class::cast).toList());
        assertThat(found.subList(30, 35)).containsOnly("none");
        assertThat(found.get(35)).isEqualTo("elsewhere");
        // one command each would be 35; a busy machine may spread the calls over a few more rounds
        assertThat(commands("find", collection)).isBetween(2L, 10L);
    }

    private long commands(String command, String collection) {
        Timer timer = meters.find("mongodb.driver.commands")
                .tags("command", command, "collection", collection).timer();
        return timer == null ? 0 : timer.count();
    }
}
