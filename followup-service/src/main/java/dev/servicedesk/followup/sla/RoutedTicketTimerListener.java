package dev.servicedesk.followup.sla;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Starts or replaces a ticket's SLA timers from its routing decision. Only a higher routing
 * revision replaces them, so a redelivered or late older decision changes nothing.
 */
@Component
class RoutedTicketTimerListener {

    private final ReactiveMongoTemplate mongo;

    RoutedTicketTimerListener(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.TICKET_ROUTING)
    void on(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof TicketRouted routed)) {
            return;
        }
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(envelope.ticketId()).and("revision").lt(routed.revision()));
        Update timers = Update.update("priority", routed.priority())
                .set("deadlines", routed.deadlines())
                .set("revision", routed.revision())
                .set("routedAt", envelope.occurredAt())
                .set("setBy", envelope.eventId().toString());
        try {
            mongo.upsert(olderOrAbsent, timers, SlaTimer.class).block(Duration.ofSeconds(10));
        } catch (DuplicateKeyException sameOrNewerRevisionAlreadySet) {
            // the upsert found no older document and the insert hit the existing one: nothing to change
        }
    }
}
