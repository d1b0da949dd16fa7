package dev.servicedesk.complaint.cases;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Opens a complaint case for every ticket routed as a complaint; a redelivery finds the case already there. */
@Component
class RoutedComplaintListener {

    private static final Logger log = LoggerFactory.getLogger(RoutedComplaintListener.class);

    private final ReactiveMongoTemplate mongo;

    RoutedComplaintListener(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.TICKET_ROUTING)
    void on(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof TicketRouted routed) || routed.type() != TicketType.COMPLAINT) {
            return;
        }
        ComplaintCase opened = new ComplaintCase(envelope.ticketId(), routed.customerId(), routed.subType(),
                routed.complaintGrade(), ComplaintStatus.REGISTERED, envelope.occurredAt(), envelope.eventId().toString());
        try {
            mongo.insert(opened).block(Duration.ofSeconds(10));
            log.info("Complaint case opened for ticket {} ({})", opened.ticketId(), opened.grade());
        } catch (DuplicateKeyException alreadyOpen) {
            log.debug("Complaint case for ticket {} already open", opened.ticketId());
        }
    }
}
