package dev.servicedesk.followup.sla;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Starts or replaces a ticket's SLA timers from its routing decision. A re-routing replaces the
 * timers only if it is newer, so a redelivered older decision changes nothing.
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
        SlaTimer timer = new SlaTimer(envelope.ticketId(), routed.priority(), routed.deadlines(),
                envelope.occurredAt(), envelope.eventId().toString());
        SlaTimer current = mongo.findById(timer.ticketId(), SlaTimer.class).block(Duration.ofSeconds(10));
        if (current == null || current.routedAt().isBefore(timer.routedAt())) {
            // Guarded replace: only overwrite the version we read, so concurrent deliveries cannot regress it.
            Query unchanged = Query.query(Criteria.where("_id").is(timer.ticketId()));
            if (current != null) {
                unchanged.addCriteria(Criteria.where("setBy").is(current.setBy()));
            }
            mongo.upsert(unchanged, Update.update("priority", timer.priority())
                            .set("deadlines", timer.deadlines())
                            .set("routedAt", timer.routedAt())
                            .set("setBy", timer.setBy()), SlaTimer.class)
                    .block(Duration.ofSeconds(10));
        }
    }
}
