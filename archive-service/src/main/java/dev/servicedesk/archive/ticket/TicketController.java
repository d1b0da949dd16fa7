package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.NotFound;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/tickets/{id}}: one ticket, read by its id. Lists are served by the lists package. */
@RestController
class TicketController {

    private final ReactiveMongoTemplate mongo;

    TicketController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/tickets/{id}")
    Mono<TicketView> ticket(@PathVariable String id) {
        return mongo.findById(id, TicketDocument.class)
                .map(TicketView::of)
                .switchIfEmpty(Mono.error(() -> NotFound.of("ticket", id)));
    }
}
