package dev.servicedesk.followup.sla;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.kit.messaging.MessagingConfiguration;
import dev.servicedesk.kit.messaging.PollRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Starts or replaces tickets' SLA timers from their routing decisions, a poll at a time: one read of
 * the poll's tickets by id, one bulk replace by id. Only a higher routing revision replaces timers,
 * so a redelivered or late older decision changes nothing. The partitions of a ticket topic have
 * one consumer each, so no other writer races these replacements.
 */
@Component
class RoutedTicketTimerListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    RoutedTicketTimerListener(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.TICKET_ROUTING, containerFactory = MessagingConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        PollRecords.handleReadable(batch, this::store);
    }

    private void store(List<ConsumerRecord<String, EventEnvelope>> records) {
        Map<String, SlaTimer> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope envelope = record.value();
            if (envelope.payload() instanceof TicketRouted routed) {
                latest.merge(envelope.ticketId(), SlaTimer.of(envelope, routed), SlaTimer::newer);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        mongo.find(query(where("_id").in(latest.keySet())), SlaTimer.class)
                .collectMap(SlaTimer::ticketId)
                .flatMap(stored -> {
                    ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SlaTimer.class);
                    int writes = 0;
                    for (SlaTimer timer : latest.values()) {
                        SlaTimer current = stored.get(timer.ticketId());
                        if (current == null || current.revision() < timer.revision()) {
                            bulk.replaceOne(query(where("_id").is(timer.ticketId())), timer, FindAndReplaceOptions.options().upsert());
                            writes++;
                        }
                    }
                    return writes == 0 ? Mono.empty() : bulk.execute().then();
                })
                .block(WRITE_TIMEOUT);
    }
}
