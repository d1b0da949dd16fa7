package dev.servicedesk.archive.lists;

import dev.servicedesk.archive.customer.CustomerReads;
import dev.servicedesk.archive.projection.ShardIds;
import dev.servicedesk.archive.ticket.TicketStatus;
import dev.servicedesk.archive.ticket.TicketSummary;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@code GET /api/tickets?customerId=&status=&limit=}: the most recently active tickets, overall,
 * of one status, or of one customer, read from list documents by id.
 */
@RestController
class TicketListController {

    static final int DEFAULT_LIMIT = 20;

    private final ReactiveMongoTemplate mongo;
    private final ShardIds shardIds;
    private final CustomerReads customers;

    TicketListController(ReactiveMongoTemplate mongo, ShardIds shardIds, CustomerReads customers) {
        this.mongo = mongo;
        this.shardIds = shardIds;
        this.customers = customers;
    }

    @GetMapping("/api/tickets")
    Flux<TicketSummary> tickets(@RequestParam(required = false) String customerId,
                                @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        String wantedStatus = blankToNull(status);
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > RecentTickets.MAX_LIMIT) {
            errors.add(FieldError.of("limit", "must be between 1 and " + RecentTickets.MAX_LIMIT));
        }
        if (wantedStatus != null && !TicketStatus.ALL.contains(wantedStatus)) {
            errors.add(FieldError.of("status", "must be one of " + new TreeSet<>(TicketStatus.ALL)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String customer = blankToNull(customerId);
        if (customer != null) {
            return customers.recentTickets(customer)
                    .flatMapMany(Flux::fromIterable)
                    .filter(ticket -> wantedStatus == null || wantedStatus.equals(ticket.status()))
                    .take(limit);
        }
        String list = wantedStatus == null ? RecentTickets.ALL : RecentTickets.statusList(wantedStatus);
        return mongo.find(query(where("_id").in(shardIds.of(list))), TicketListShard.class)
                .flatMapIterable(TicketListShard::tickets)
                .sort(TicketSummary.MOST_RECENT_ACTIVITY)
                .take(limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
