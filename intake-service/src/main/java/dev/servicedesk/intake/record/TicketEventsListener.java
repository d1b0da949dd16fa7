package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.kit.messaging.MessagingConfiguration;
import dev.servicedesk.kit.messaging.PollRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Keeps intake's ticket documents in step with the ticket of record ({@code ticket-events}) and
 * with routing's decisions, which carry the promised callback time, a poll at a time. Offsets are
 * committed after the poll's writes, so a ticket acknowledged just before a crash is projected
 * after the restart. An unreadable record is reported by index once the records before it are
 * stored, so the error handler commits those and dead-letters only it.
 */
@Component
public class TicketEventsListener {

    /** The listener container's id, for operators and tests that pause the projection. */
    public static final String LISTENER_ID = "intake-record";

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final TicketRecords records;

    TicketEventsListener(TicketRecords records) {
        this.records = records;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = {Topics.TICKET_EVENTS, Topics.TICKET_ROUTING},
            containerFactory = MessagingConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        PollRecords.handleReadable(batch, this::project);
    }

    private void project(List<ConsumerRecord<String, EventEnvelope>> batch) {
        records.applyAll(batch.stream().map(ConsumerRecord::value).toList()).block(WRITE_TIMEOUT);
    }

}
