package dev.servicedesk.complaint.cases;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
class ComplaintCaseController {

    private static final int MAX_LIMIT = 200;

    private final ReactiveMongoTemplate mongo;

    ComplaintCaseController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{ticketId}")
    Mono<ComplaintCase> byTicket(@PathVariable String ticketId) {
        return mongo.findById(ticketId, ComplaintCase.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No complaint case for ticket " + ticketId)));
    }

    @GetMapping
    Flux<ComplaintCase> latest(@RequestParam(defaultValue = "50") int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(Math.max(1, Math.min(limit, MAX_LIMIT)));
        return mongo.find(query, ComplaintCase.class);
    }
}
