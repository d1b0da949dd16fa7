package dev.servicedesk.kit;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.kit.messaging.EventPublisher;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-test", "servicedesk.kafka.retry.max-elapsed=600ms"})
@AutoConfigureWebTestClient
class ServiceKitIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("kit"));
    }

    @Autowired
    KitTestApplication app;

    @Autowired
    EventPublisher publisher;

    @Autowired
    WebTestClient web;

    @Autowired
    Tracer tracer;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void poisonRecordsGoToDeadLetterTopicWithReasonAndLaterEventsStillFlow() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.TICKET_EVENTS, "T-GARBAGE", "{not json".getBytes(StandardCharsets.UTF_8)));
        }
        publisher.publish(Topics.TICKET_EVENTS, received(KitTestApplication.FAILING_TICKET)).block(Duration.ofSeconds(10));
        publisher.publish(Topics.TICKET_EVENTS, received("T-FINE")).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> app.handled.contains("T-FINE"));
        List<ConsumerRecord<String, byte[]>> dead = readDeadLetters(bootstrap, 2);
        assertThat(dead).extracting(ConsumerRecord::key).contains("T-GARBAGE", KitTestApplication.FAILING_TICKET);
        assertThat(dead).allSatisfy(record -> assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank());
        assertThat(dead).filteredOn(record -> record.key().equals(KitTestApplication.FAILING_TICKET))
                .allSatisfy(record -> assertThat(header(record, "kafka_dlt-exception-message")).contains("department system unavailable"));
        assertThat(app.handled).doesNotContain(KitTestApplication.FAILING_TICKET);
    }

    @Test
    void tracingIsOffWithoutAnOtlpEndpoint() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream()).as("nowhere to export to").isEmpty();
        Span root = tracer.nextSpan();
        // Not even a caller that asks for its trace to be sampled gets a span recorded here.
        TraceContext sampledCaller = tracer.traceContextBuilder().traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .spanId("00f067aa0ba902b7").sampled(true).build();
        Span child = tracer.spanBuilder().setParent(sampledCaller).start();
        assertThat(root.context().sampled()).isFalse();
        assertThat(child.context().sampled()).isFalse();
        child.end();
        assertThat(context.getBean("kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class)
                .getContainerProperties().isObservationEnabled()).as("Kafka records are not observed").isFalse();
    }

    @Test
    void readinessReportsBrokerAndDatabase() {
        web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    @Test
    void invalidBodyIsProblemDetailNamingEveryFieldAtFault() {
        web.post().uri("/contacts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "email", "not-an-email"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.pointer == '/email')]").exists()
                .jsonPath("$.errors[?(@.pointer == '/name')]").exists();
    }

    @Test
    void malformedJsonIsProblemDetailNotServerError() {
        web.post().uri("/contacts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFailingDatabaseIsA503ProblemWithRetryAfterNotAServerError() {
        web.get().uri("/contacts/C-1")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/database-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("store is closed"));
    }

    @Test
    void documentsAreStoredWithoutATypeFieldAndThoseStoredWithOneAreStillRead() {
        Note note = new Note("N-" + UUID.randomUUID(), "call back after 15:00");
        mongo.insert(note).block(Duration.ofSeconds(10));
        Document stored = mongo.findById(note.id(), Document.class, "notes").block(Duration.ofSeconds(10));
        assertThat(stored).containsOnlyKeys("_id", "text");

        mongo.insert(new Document("_id", "N-old").append("text", "stored earlier")
                .append("_class", Note.class.getName()), "notes").block(Duration.ofSeconds(10));
        assertThat(mongo.findById("N-old", Note.class).block(Duration.ofSeconds(10))).isEqualTo(new Note("N-old", "stored earlier"));
        assertThat(mongo.findById(note.id(), Note.class).block(Duration.ofSeconds(10))).isEqualTo(note);
    }

    @org.springframework.data.mongodb.core.mapping.Document("notes")
    record Note(@Id String id, String text) {
    }

    private static EventEnvelope received(String ticketId) {
        Instant now = Instant.now();
        return EventEnvelope.first(UUID.randomUUID(), ticketId, "kit-test", ticketId, now,
                new TicketReceived(Channel.EMAIL, new CustomerRef("c-" + ticketId, "Test", null, "t@example.com", null),
                        null, null, "test", null, null, Channel.EMAIL, "en", List.of(), false, now));
    }

    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(String bootstrap, int atLeast) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.TICKET_EVENTS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
