package dev.servicedesk.intake;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeDeserializer;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.testsupport.TestEventProducer;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One intake on the real broker and database, shared by the module's integration test classes
 * (same configuration, so Spring caches one context). Tests use fresh tickets and keys.
 */
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=intake-service", "servicedesk.kafka.retry.max-elapsed=1s",
                // These tests are about behaviour, not outages: give a starved CI machine time to acknowledge.
                "spring.kafka.producer.properties.max.block.ms=15000",
                "spring.kafka.producer.properties.request.timeout.ms=15000",
                "spring.kafka.producer.properties.delivery.timeout.ms=20000",
                "servicedesk.intake.publish-timeout=25s"})
@AutoConfigureWebTestClient
public abstract class IntakeIntegrationSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("intake"));
    }

    protected static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    /** A complete, valid registration form in Chinese and English. */
    public static Map<String, Object> form(String description) {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "phone");
        form.put("customer", Map.of("name", "张伟", "phone", "138 0000 " + (1000 + (int) (Math.random() * 8999)),
                "email", "zhang.wei@example.com", "tier", "member"));
        form.put("orderNumber", "SO-2026-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("product", Map.of("name", "电热水壶 Kettle", "batch", "B-7"));
        form.put("description", description);
        form.put("customerRequest", "退款 refund");
        form.put("occurredAt", "2026-01-02T09:30:00+08:00");
        form.put("language", "zh-CN");
        form.put("attachments", List.of("https://files.example/receipt.jpg"));
        return form;
    }

    protected WebTestClient.ResponseSpec post(String path, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    /** Registers a ticket and returns its id. */
    protected String register(Map<String, Object> form) {
        JsonNode body = json(post("/api/tickets", form, null).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody());
        return body.get("ticketId").asString();
    }

    protected static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    /** Polls intake's record of a ticket until it exists and passes {@code check}. */
    protected JsonNode awaitRecord(String ticketId, Consumer<JsonNode> check) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var result = web.get().uri("/internal/tickets/{id}", ticketId).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as("status of the record of %s", ticketId).isEqualTo(200);
            last[0] = JSON.readTree(result.getResponseBody());
            check.accept(last[0]);
        });
        return last[0];
    }

    /**
     * Puts a marker event (a logged contact) on {@code ticket-events} behind everything already
     * written for the ticket, and waits until intake's listener applied it. Then every earlier
     * event of the ticket, duplicates included, has been handled: what the record says now is final.
     *
     * @return the record with the marker applied (its version counts the marker too)
     */
    protected JsonNode awaitMarkerBehind(String ticketId) {
        EventEnvelope marker = EventEnvelope.first(UUID.randomUUID(), ticketId, "intake-test", ticketId, Instant.now(),
                new CustomerContacted("marker", Channel.PHONE, false, "marker"));
        try (TestEventProducer producer = new TestEventProducer()) {
            producer.send(Topics.TICKET_EVENTS, marker);
        }
        return awaitRecord(ticketId, r -> assertThat(r.get("history").findValuesAsString("eventId"))
                .contains(marker.eventId().toString()));
    }

    /**
     * The events of {@code ticketId} that the broker holds at the moment of the call: the topic's end
     * offsets are taken first, and nothing written after them counts, however long reading takes.
     */
    public static List<EventEnvelope> eventsOnTheBrokerNow(String bootstrap, String topic, String ticketId) {
        return eventsOnTheBrokerNow(bootstrap, topic, Set.of(ticketId)).getOrDefault(ticketId, List.of());
    }

    /** As {@link #eventsOnTheBrokerNow(String, String, String)}, for many tickets: no consumer group is involved. */
    public static Map<String, List<EventEnvelope>> eventsOnTheBrokerNow(String bootstrap, String topic, Collection<String> ticketIds) {
        Set<String> wanted = Set.copyOf(ticketIds);
        Map<String, List<EventEnvelope>> found = new HashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), IntakeIntegrationSupport::readable)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition) && wanted.contains(record.key()) && record.value() != null) {
                        found.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every event on {@code topic} whose key is one of {@code ticketIds}, read from the beginning.
     * Unreadable records (some tests put them there on purpose) are skipped.
     */
    public static Map<String, List<EventEnvelope>> eventsOf(String bootstrap, String topic, Collection<String> ticketIds,
                                                            int expected) {
        Set<String> wanted = Set.copyOf(ticketIds);
        Map<String, List<EventEnvelope>> found = new HashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), IntakeIntegrationSupport::readable)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && wanted.contains(record.key())) {
                        found.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>()).add(record.value());
                        count++;
                    }
                }
            }
        }
        return found;
    }

    private static EventEnvelope readable(String topic, byte[] data) {
        try {
            return new EventEnvelopeDeserializer().deserialize(topic, data);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
