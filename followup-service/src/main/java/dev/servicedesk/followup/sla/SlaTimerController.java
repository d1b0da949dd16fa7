package dev.servicedesk.followup.sla;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
class SlaTimerController {

    private final ReactiveMongoTemplate mongo;

    SlaTimerController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/sla/{ticketId}")
    Mono<SlaTimer> timers(@PathVariable String ticketId) {
        return mongo.findById(ticketId, SlaTimer.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No SLA timers for ticket " + ticketId)));
    }
}
