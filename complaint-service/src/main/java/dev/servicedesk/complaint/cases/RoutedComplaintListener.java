package dev.servicedesk.complaint.cases;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.kit.messaging.MessagingConfiguration;
import dev.servicedesk.kit.messaging.PollRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Opens a complaint case for every ticket routed as a complaint, a poll at a time: one read of the
 * poll's complaint tickets by id, one insert of the cases not open yet, so a redelivery finds its
 * case already there, and one update of the latest cases list with the poll's cases as stored.
 */
@Component
class RoutedComplaintListener {

    private static final Logger log = LoggerFactory.getLogger(RoutedComplaintListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final LatestComplaints latest;

    RoutedComplaintListener(ReactiveMongoTemplate mongo, LatestComplaints latest) {
        this.mongo = mongo;
        this.latest = latest;
    }

    @KafkaListener(topics = Topics.TICKET_ROUTING, containerFactory = MessagingConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        PollRecords.handleReadable(batch, this::open);
    }

    private void open(List<ConsumerRecord<String, EventEnvelope>> records) {
        Map<String, ComplaintCase> cases = new LinkedHashMap<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope envelope = record.value();
            if (envelope.payload() instanceof TicketRouted routed && routed.type() == TicketType.COMPLAINT) {
                cases.putIfAbsent(envelope.ticketId(), new ComplaintCase(envelope.ticketId(), routed.customerId(),
                        routed.subType(), routed.complaintGrade(), ComplaintStatus.REGISTERED, envelope.occurredAt(),
                        envelope.eventId().toString()));
            }
        }
        if (cases.isEmpty()) {
            return;
        }
        Map<String, ComplaintCase> stored = new LinkedHashMap<>(cases);
        mongo.find(query(where("_id").in(cases.keySet())), ComplaintCase.class)
                .doOnNext(open -> {
                    cases.remove(open.ticketId());
                    stored.put(open.ticketId(), open);
                })
                .then(Mono.defer(() -> cases.isEmpty() ? Mono.empty() : mongo.insertAll(cases.values()).then()))
                .doOnSuccess(done -> cases.values().forEach(opened ->
                        log.info("Complaint case opened for ticket {} ({})", opened.ticketId(), opened.grade())))
                // also for cases found open: a redelivery lists a case whose first delivery stopped before this
                .then(Mono.defer(() -> latest.add(stored.values())))
                .block(WRITE_TIMEOUT);
    }
}
