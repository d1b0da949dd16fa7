package dev.servicedesk.intake.record;

import com.mongodb.client.model.Filters;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intake's ticket record is projected a poll at a time: new registrations in one bulk write,
 * everything else event by event. Replays inside a batch and unreadable records must not cost a
 * ticket or apply anything twice.
 */
class TicketProjectionIntegrationTest extends IntakeIntegrationSupport {

    @Autowired
    private TicketRecords records;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void registrationReplayedAheadOfNewOnesInOneBatchLeavesEveryTicketProjectedOnce() {
        EventEnvelope known = received("P-" + UUID.randomUUID());
        records.applyAll(List.of(known)).block(Duration.ofSeconds(20));
        List<EventEnvelope> fresh = List.of(received("P-" + UUID.randomUUID()), received("P-" + UUID.randomUUID()));

        // The bulk insert meets the existing ticket first, so the new ones depend on the one-by-one path.
        records.applyAll(List.of(known, fresh.get(0), fresh.get(1), routed(fresh.get(1)))).block(Duration.ofSeconds(20));

        assertThat(records.find(known.ticketId()).block(Duration.ofSeconds(5)).version()).isEqualTo(1);
        assertThat(records.find(fresh.get(0).ticketId()).block(Duration.ofSeconds(5)).version()).isEqualTo(1);
        TicketRecord routed = records.find(fresh.get(1).ticketId()).block(Duration.ofSeconds(5));
        assertThat(routed.version()).isEqualTo(2);
        assertThat(routed.promisedCallbackBy()).isNotNull();
    }

    @Test
    void commandAppliedToTheTicketAsReadKeepsWhatTheListenerWroteSinceThatRead() {
        EventEnvelope received = received("P-" + UUID.randomUUID());
        records.applyAll(List.of(received)).block(Duration.ofSeconds(20));
        TicketRecord asRead = records.find(received.ticketId()).block(Duration.ofSeconds(5));

        records.applyAll(List.of(routed(received))).block(Duration.ofSeconds(20));
        assertThat(records.apply(asRead, progress(received)).block(Duration.ofSeconds(20)))
                .isEqualTo(TicketProjector.Outcome.APPLIED);

        TicketRecord stored = records.find(received.ticketId()).block(Duration.ofSeconds(5));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.promisedCallbackBy()).isNotNull();
        assertThat(stored.department()).isEqualTo(Department.TECHNICAL_SUPPORT);
        assertThat(stored.state()).isEqualTo(TicketState.IN_PROGRESS);
    }

    @Test
    void commandAppliedToTheTicketAsReadIsStoredAtOnceWhenNothingChangedSince() {
        EventEnvelope received = received("P-" + UUID.randomUUID());
        records.applyAll(List.of(received, routed(received))).block(Duration.ofSeconds(20));
        TicketRecord asRead = records.find(received.ticketId()).block(Duration.ofSeconds(5));

        EventEnvelope progress = progress(received);
        records.apply(asRead, progress).block(Duration.ofSeconds(20));
        assertThat(records.apply(records.find(received.ticketId()).block(Duration.ofSeconds(5)), progress)
                .block(Duration.ofSeconds(20))).isEqualTo(TicketProjector.Outcome.DUPLICATE);

        TicketRecord stored = records.find(received.ticketId()).block(Duration.ofSeconds(5));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.state()).isEqualTo(TicketState.IN_PROGRESS);
    }

    @Test
    void historyEventIdsAreStoredAsBinaryUuids() {
        EventEnvelope received = received("P-" + UUID.randomUUID());
        EventEnvelope routed = routed(received);
        records.applyAll(List.of(received, routed)).block(Duration.ofSeconds(20));

        List<BsonValue> ids = stored(received.ticketId()).getArray("history").stream()
                .map(entry -> entry.asDocument().get("eventId")).toList();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.isBinary()).as("stored as %s", id.getBsonType()).isTrue();
            assertThat(id.asBinary().getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue());
        });
        assertThat(ids).extracting(id -> id.asBinary().asUuid()).containsExactly(received.eventId(), routed.eventId());
    }

    @Test
    void redeliveryOfEventsWhoseHistoryHoldsTheirIdsAsStringsChangesNothing() {
        EventEnvelope received = received("P-" + UUID.randomUUID());
        EventEnvelope routed = routed(received);
        records.applyAll(List.of(received, routed)).block(Duration.ofSeconds(20));
        storeHistoryIdsAsStrings(received.ticketId());

        records.applyAll(List.of(received, routed)).block(Duration.ofSeconds(20));
        assertThat(records.apply(received).block(Duration.ofSeconds(20))).isEqualTo(TicketProjector.Outcome.DUPLICATE);
        assertThat(records.apply(routed).block(Duration.ofSeconds(20))).isEqualTo(TicketProjector.Outcome.DUPLICATE);

        TicketRecord ticket = records.find(received.ticketId()).block(Duration.ofSeconds(5));
        assertThat(ticket.version()).isEqualTo(2);
        assertThat(ticket.history()).extracting(HistoryEntry::eventId).containsExactly(received.eventId(), routed.eventId());
        assertThat(stored(received.ticketId()).getArray("history")).as("nothing was written")
                .allSatisfy(entry -> assertThat(entry.asDocument().get("eventId").isString()).isTrue());
    }

    @Test
    void burstOfRegistrationsWithRedeliveriesAndAReplayIsProjectedOnceEach() throws Exception {
        EventEnvelope known = received("P-" + UUID.randomUUID());
        try (KafkaProducer<String, EventEnvelope> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, known.ticketId(), known)).get();
            awaitRecord(known.ticketId(), r -> assertThat(r.get("version").asLong()).isEqualTo(1));

            // One burst on one partition, so it reaches the listener in as few polls as possible:
            // the replay meets the bulk insert of the new tickets.
            List<EventEnvelope> fresh = new ArrayList<>();
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 0, known.ticketId(), known));
            for (int i = 0; i < 30; i++) {
                EventEnvelope received = received("P-" + UUID.randomUUID());
                fresh.add(received);
                producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 0, received.ticketId(), received));
                if (i % 2 == 0) {
                    producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 0, received.ticketId(), received));
                }
                producer.send(new ProducerRecord<>(Topics.TICKET_ROUTING, 0, received.ticketId(), routed(received)));
            }
            // A marker ticket behind the burst on the same partition: once it is projected, every
            // registration and redelivery before it was handled, so the counts below are final.
            EventEnvelope marker = received("P-marker-" + UUID.randomUUID());
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 0, marker.ticketId(), marker));
            producer.flush();
            awaitRecord(marker.ticketId(), r -> assertThat(r.get("state").asString()).isEqualTo("received"));

            for (EventEnvelope received : fresh) {
                JsonNode record = awaitRecord(received.ticketId(), r -> assertThat(r.hasNonNull("promisedCallbackBy")).isTrue());
                assertThat(record.get("version").asLong()).as("events applied to %s", received.ticketId()).isEqualTo(2);
                assertThat(record.get("contacts")).as("contacts of %s", received.ticketId()).hasSize(1);
            }
        }
        JsonNode replayed = awaitRecord(known.ticketId(), r -> assertThat(r.get("state").asString()).isEqualTo("received"));
        assertThat(replayed.get("version").asLong()).isEqualTo(1);
        assertThat(replayed.get("history")).hasSize(1);
    }

    @Test
    void unreadableRecordIsDeadLetteredWhileTheTicketsAroundItAreProjected() throws Exception {
        String poisonKey = "P-poison-" + UUID.randomUUID();
        EventEnvelope before = received("P-" + UUID.randomUUID());
        EventEnvelope after = received("P-" + UUID.randomUUID());
        try (KafkaProducer<String, EventEnvelope> producer = producer();
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 1, before.ticketId(), before)).get();
            raw.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 1, poisonKey,
                    "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, 1, after.ticketId(), after)).get();
        }

        awaitRecord(before.ticketId(), r -> assertThat(r.get("state").asString()).isEqualTo("received"));
        awaitRecord(after.ticketId(), r -> assertThat(r.get("state").asString()).isEqualTo("received"));
        assertThat(deadLetterKeys(poisonKey)).contains(poisonKey);
    }

    private BsonDocument stored(String ticketId) {
        return mongo.getCollection(mongo.getCollectionName(TicketRecord.class))
                .flatMap(tickets -> Mono.from(tickets.find(Filters.eq("_id", ticketId), BsonDocument.class).first()))
                .block(Duration.ofSeconds(5));
    }

    /** Rewrites the ticket's document as earlier versions stored it: history event ids as strings. */
    private void storeHistoryIdsAsStrings(String ticketId) {
        BsonDocument ticket = stored(ticketId);
        ticket.getArray("history").forEach(entry -> entry.asDocument().put("eventId",
                new BsonString(entry.asDocument().getBinary("eventId").asUuid().toString())));
        mongo.getCollection(mongo.getCollectionName(TicketRecord.class))
                .flatMap(tickets -> Mono.from(tickets.withDocumentClass(BsonDocument.class)
                        .replaceOne(Filters.eq("_id", ticketId), ticket)))
                .block(Duration.ofSeconds(5));
    }

    private static EventEnvelope received(String ticketId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TicketReceived payload = new TicketReceived(Channel.APP,
                new CustomerRef("C-" + ticketId, "李娜", "+8613800001111", null, CustomerTier.MEMBER), "SO-1",
                null, "App 闪退 the app crashes on start", "修复 fix it", null, Channel.APP, "zh-CN", List.of(),
                false, now);
        return EventEnvelope.first(UUID.randomUUID(), ticketId, "intake-service", ticketId, now, payload);
    }

    private static EventEnvelope routed(EventEnvelope received) {
        Instant callBy = received.occurredAt().plus(Duration.ofHours(4));
        return received.causes("routing-service", Instant.now(), new TicketRouted("C-" + received.ticketId(),
                TicketType.PROBLEM_FEEDBACK, "product-malfunction", Priority.IMPORTANT, Department.TECHNICAL_SUPPORT,
                "ts-lead-wang", 0.9, false, List.of("keyword 闪退"),
                new SlaDeadlines(callBy, callBy.plus(Duration.ofDays(1)), Duration.ofHours(4)), null));
    }

    private static EventEnvelope progress(EventEnvelope received) {
        return received.causes("intake-service", Instant.now(),
                new ProgressReported(Department.TECHNICAL_SUPPORT, "ts-lead-wang", "Reproduced on the 3.2 build"));
    }

    private static KafkaProducer<String, EventEnvelope> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new EventEnvelopeSerializer());
    }

    private static List<String> deadLetterKeys(String awaited) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.TICKET_EVENTS)));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
                return keys.contains(awaited);
            });
        }
        return keys;
    }
}
