package dev.servicedesk.archive;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One archive on the real broker and database, shared by every integration test class of the
 * module (same configuration, so Spring caches a single context). Tests use fresh ticket and
 * customer ids, and compare KPI counts before and after.
 */
@SpringBootTest(classes = ArchiveApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=archive-service", "servicedesk.kafka.retry.max-elapsed=1s"})
@AutoConfigureWebTestClient
public abstract class ArchiveIntegrationSupport {

    protected static final String GROUP = "archive-service";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DATABASE = TestInfrastructure.uniqueDatabase("archive");
    private static KafkaProducer<String, EventEnvelope> events;
    private static KafkaProducer<String, byte[]> raw;

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    protected static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    protected static String mongoUri() {
        return TestInfrastructure.get().mongoUri();
    }

    protected static synchronized void publish(String topic, EventEnvelope... envelopes) {
        if (events == null) {
            events = new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventEnvelopeSerializer());
        }
        try {
            for (EventEnvelope envelope : envelopes) {
                events.send(new ProducerRecord<>(topic, envelope.ticketId(), envelope)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static synchronized void publishRaw(String topic, String key, byte[] value) {
        if (raw == null) {
            raw = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Waits until the archive committed offsets up to the end of every topic it reads. */
    protected static void awaitCaughtUp(String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream()
                                .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull();
                        assertThat(committed.get(partition).offset()).as("committed offset of %s", partition).isEqualTo(end);
                    }
                });
            });
        }
    }

    protected static void awaitCaughtUp() {
        awaitCaughtUp(GROUP, List.of(Topics.TICKET_EVENTS, Topics.TICKET_ROUTING));
    }

    protected JsonNode get(String path) {
        byte[] body = web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** Polls {@code path} until it answers 200 and the body passes {@code check}. */
    protected JsonNode awaitJson(String path, java.util.function.Consumer<JsonNode> check) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var result = web.get().uri(path).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as("status of %s", path).isEqualTo(200);
            last[0] = JSON.readTree(result.getResponseBody());
            check.accept(last[0]);
        });
        return last[0];
    }
}
