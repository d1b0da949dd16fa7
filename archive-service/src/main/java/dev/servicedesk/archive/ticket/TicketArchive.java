package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ticket.TicketDocument.Fields;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the ticket read model, for this package's API and for the customer archive. */
@Component
public class TicketArchive {

    private final ReactiveMongoTemplate mongo;

    TicketArchive(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<TicketDocument> find(String ticketId) {
        return mongo.findById(ticketId, TicketDocument.class);
    }

    /** Most recently active first. */
    Flux<TicketSummary> list(String customerId, String status, int limit) {
        Criteria criteria = new Criteria();
        if (customerId != null) {
            criteria = criteria.and(Fields.CUSTOMER_ID).is(customerId);
        }
        if (status != null) {
            criteria = criteria.and(Fields.STATUS).is(status);
        }
        Query query = withoutTimeline(Query.query(criteria))
                .with(Sort.by(Sort.Order.desc(Fields.LAST_ACTIVITY_AT), Sort.Order.asc("_id")))
                .limit(limit);
        return mongo.find(query, TicketDocument.class).map(TicketSummary::of);
    }

    /** Every ticket of a customer, without timelines, in no particular order. */
    public Flux<TicketDocument> ofCustomer(String customerId) {
        return mongo.find(withoutTimeline(Query.query(Criteria.where(Fields.CUSTOMER_ID).is(customerId))),
                TicketDocument.class);
    }

    private static Query withoutTimeline(Query query) {
        query.fields().exclude(Fields.TIMELINE);
        return query;
    }
}
