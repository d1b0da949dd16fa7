package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Keeps intake's ticket documents in step with the ticket of record ({@code ticket-events}) and
 * with routing's decisions, which carry the promised callback time. Restarting intake resumes from
 * the committed offsets, so a ticket acknowledged just before a crash is projected afterwards.
 */
@Component
class TicketEventsListener {

    private static final Logger log = LoggerFactory.getLogger(TicketEventsListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final TicketRecords records;

    TicketEventsListener(TicketRecords records) {
        this.records = records;
    }

    @KafkaListener(topics = {Topics.TICKET_EVENTS, Topics.TICKET_ROUTING})
    void on(EventEnvelope envelope) {
        TicketProjector.Outcome outcome = records.apply(envelope).block(WRITE_TIMEOUT);
        if (outcome == TicketProjector.Outcome.REJECTED) {
            log.warn("Ticket {}: {} {} does not fit the ticket's state; left out of intake's record",
                    envelope.ticketId(), envelope.type(), envelope.eventId());
        }
    }
}
