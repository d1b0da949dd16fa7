package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ticket.TicketDocument.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Indexes for the list and customer queries. Creating an existing index is a no-op, so this runs at
 * every start, in the background: a database that is down must not stop the service from starting.
 */
@Component
class TicketIndexes {

    private static final Logger log = LoggerFactory.getLogger(TicketIndexes.class);

    private final ReactiveMongoTemplate mongo;

    TicketIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        var ops = mongo.indexOps(TicketDocument.class);
        Flux.just(new Index().on(Fields.CUSTOMER_ID, Sort.Direction.ASC),
                        new Index().on(Fields.LAST_ACTIVITY_AT, Sort.Direction.DESC),
                        new Index().on(Fields.STATUS, Sort.Direction.ASC).on(Fields.LAST_ACTIVITY_AT, Sort.Direction.DESC))
                .concatMap(ops::createIndex)
                .retryWhen(Retry.backoff(10, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(name -> log.debug("index {} ready", name),
                        error -> log.warn("ticket indexes not created; queries still work, only slower", error));
    }
}
