package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Feeds every ticket topic into the projection. Blocking is fine here: listener threads are not
 * event-loop threads, and the offset is committed only after the document was written.
 */
@Component
class TicketEventListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final TicketProjection projection;

    TicketEventListener(TicketProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "archive-projection", idIsGroup = false, topics = "#{@archiveTopics.names()}")
    void on(EventEnvelope event) {
        projection.apply(event).block(WRITE_TIMEOUT);
    }
}
