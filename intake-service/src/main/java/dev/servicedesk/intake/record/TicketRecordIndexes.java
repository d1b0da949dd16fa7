package dev.servicedesk.intake.record;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * A unique index on {@code {_id, version}}: the version-guarded writes filter on exactly these keys.
 * On MongoDB the {@code _id} index would answer them anyway; mongo-java-server uses an index only
 * when the filter's keys equal the index's, so without it every guarded write scans the collection.
 * Created in the background at every start (a no-op once it exists) so a database that is down
 * does not stop the service from starting.
 */
@Component
class TicketRecordIndexes {

    private static final Logger log = LoggerFactory.getLogger(TicketRecordIndexes.class);

    private final ReactiveMongoTemplate mongo;

    TicketRecordIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(TicketRecord.class)
                .createIndex(new CompoundIndexDefinition(new Document("_id", 1).append("version", 1)).unique())
                .retryWhen(Retry.backoff(10, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(name -> log.debug("index {} ready", name),
                        error -> log.warn("ticket version index not created; guarded writes still work, only slower", error));
    }
}
