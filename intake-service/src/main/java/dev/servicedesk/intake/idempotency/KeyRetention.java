package dev.servicedesk.intake.idempotency;

import com.mongodb.MongoNamespace;
import dev.servicedesk.kit.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Forgets idempotency keys once they are more than a day old: drops the collections of the days
 * before yesterday, so the keys do not grow with every request ever made. Keys stored before they
 * were kept per day become yesterday's, and so are still honoured for a day.
 */
@Component
class KeyRetention extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(KeyRetention.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    KeyRetention(ReactiveMongoTemplate mongo, Clock clock,
                 @Value("${servicedesk.intake.idempotency.sweep-every:10m}") Duration every) {
        super("idempotency key retention", Duration.ZERO, every);
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected Mono<?> runOnce() {
        return sweep();
    }

    /** Drops the key collections of days before yesterday; emits their names. */
    Mono<List<String>> sweep() {
        LocalDate yesterday = KeyDays.dayOf(clock.instant()).minusDays(1);
        return mongo.getCollectionNames().collectList().flatMap(names -> adoptUndated(names, yesterday)
                .thenMany(Flux.fromIterable(names)
                        .filter(name -> KeyDays.dayOfCollection(name).filter(day -> day.isBefore(yesterday)).isPresent())
                        .concatMap(name -> mongo.dropCollection(name).thenReturn(name)))
                .collectList()
                .doOnNext(dropped -> {
                    if (!dropped.isEmpty()) {
                        log.info("forgot the idempotency keys of {}", dropped);
                    }
                }));
    }

    private Mono<Void> adoptUndated(List<String> names, LocalDate yesterday) {
        if (!names.contains(KeyDays.UNDATED)) {
            return Mono.empty();
        }
        String target = KeyDays.collection(yesterday);
        if (names.contains(target)) {
            // only while an instance of the previous version still writes there, a day after this one started
            log.warn("dropping {}: its keys cannot become yesterday's, which are kept already", KeyDays.UNDATED);
            return mongo.dropCollection(KeyDays.UNDATED);
        }
        return mongo.getMongoDatabase().flatMap(database -> Mono.from(database.getCollection(KeyDays.UNDATED)
                .renameCollection(new MongoNamespace(database.getName(), target)))).then();
    }
}
