package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReopened;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes intake's lifecycle events a poll at a time: received tickets are routed in bulk,
 * reopened ones routed again; other lifecycle events are none of routing's business. A record
 * that can never be routed (unreadable, or a ticket without customer) is reported by index after
 * the records before it were routed, so the error handler commits those and dead-letters only it.
 * Blocking is fine on listener threads: the decisions' CPU work runs here, between the awaited
 * database and broker round trips, rather than on the database driver's I/O threads.
 */
@Component
class TicketEventsListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(TicketEventsListener.class));

    private final TicketRouter router;

    TicketEventsListener(TicketRouter router) {
        this.router = router;
    }

    @KafkaListener(topics = Topics.TICKET_EVENTS, containerFactory = RoutingKafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        for (int index = 0; index < records.size(); index++) {
            RuntimeException poison = poison(records.get(index));
            if (poison != null) {
                route(records.subList(0, index));
                throw new BatchListenerFailedException(poison.getMessage(), poison, index);
            }
        }
        route(records);
    }

    private void route(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<EventEnvelope> received = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope envelope = record.value();
            if (envelope.payload() instanceof TicketReceived) {
                received.add(envelope);
            } else if (envelope.payload() instanceof TicketReopened reopened) {
                // keep each ticket's order: what was received before the reopening is routed first
                flush(received);
                router.reopened(envelope, reopened).block(TIMEOUT);
            }
        }
        flush(received);
    }

    private void flush(List<EventEnvelope> received) {
        if (!received.isEmpty()) {
            router.receivedAll(List.copyOf(received), TIMEOUT);
            received.clear();
        }
    }

    private static RuntimeException poison(ConsumerRecord<String, EventEnvelope> record) {
        if (record.value() == null) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            return failure != null ? failure : new IllegalArgumentException("empty record");
        }
        if (record.value().payload() instanceof TicketReceived received) {
            try {
                DecisionMaker.validate(record.value().ticketId(), received);
            } catch (IllegalArgumentException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
