package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.NotFound;
import dev.servicedesk.kit.persistence.LookupsById;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/tickets/{id}}: one ticket, read by its id, the reads of concurrent requests in one
 * query. Lists are served by the lists package.
 */
@RestController
class TicketController {

    private final ReactiveMongoTemplate mongo;
    private final LookupsById lookups;
    private final String collection;

    TicketController(ReactiveMongoTemplate mongo, LookupsById lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.collection = mongo.getCollectionName(TicketDocument.class);
    }

    @GetMapping("/api/tickets/{id}")
    Mono<TicketView> ticket(@PathVariable String id) {
        return lookups.find(collection, id)
                .map(stored -> TicketView.of(mongo.getConverter().read(TicketDocument.class, stored)))
                .switchIfEmpty(Mono.error(() -> NotFound.of("ticket", id)));
    }
}
