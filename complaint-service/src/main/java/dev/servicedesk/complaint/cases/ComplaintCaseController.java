package dev.servicedesk.complaint.cases;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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

    private static final int MAX_LIMIT = LatestComplaints.KEPT;

    private final ReactiveMongoTemplate mongo;
    private final LatestComplaints latest;

    ComplaintCaseController(ReactiveMongoTemplate mongo, LatestComplaints latest) {
        this.mongo = mongo;
        this.latest = latest;
    }

    @GetMapping("/{ticketId}")
    Mono<ComplaintCase> byTicket(@PathVariable String ticketId) {
        return mongo.findById(ticketId, ComplaintCase.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No complaint case for ticket " + ticketId)));
    }

    @GetMapping
    Flux<ComplaintCase> latest(@RequestParam(defaultValue = "50") int limit) {
        return latest.newest(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
