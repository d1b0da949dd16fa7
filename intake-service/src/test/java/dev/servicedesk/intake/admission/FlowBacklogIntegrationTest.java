package dev.servicedesk.intake.admission;

import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A group after intake that works but is far behind holds new registrations back with 503 and
 * Retry-After; an urgent request is taken all the same, and once the group stops working (down, not
 * slow) registrations are taken again although it is still behind.
 */
class FlowBacklogIntegrationTest {

    private static final int BACKLOG = 10_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void registrationsAreHeldBackWhileADownstreamGroupWorksFarBehindAndTakenOnceItStopsWorking() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        String topic = "backlog-probe-" + UUID.randomUUID();
        String group = "downstream-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             StandaloneIntake intake = StandaloneIntake.start(TestInfrastructure.uniqueDatabase("intake-backlog"), Map.of(
                     "spring.kafka.listener.auto-startup", "false",
                     "servicedesk.intake.backlog.groups", group,
                     "servicedesk.intake.backlog.sample-every", "200ms",
                     "servicedesk.intake.backlog.stalled-after", "3s"))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            fill(bootstrap, topic);
            // the group works through the records at 100 a second: it needs far longer than 30 s to catch up
            AtomicLong committed = new AtomicLong();
            var working = worker.scheduleAtFixedRate(() -> commit(admin, group, partition, committed.addAndGet(10)),
                    0, 100, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> register(intake, "包装破损 the box was crushed")
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(containsString("behind")));
            register(intake, "系统宕机 the shop is down, outage since 9:00").expectStatus().isAccepted();

            working.cancel(false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> register(intake, "包装破损 the box was crushed again")
                    .expectStatus().isAccepted());
        } finally {
            worker.shutdownNow();
        }
    }

    private static WebTestClient.ResponseSpec register(StandaloneIntake intake, String description) {
        return intake.client().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IntakeIntegrationSupport.form(description)).exchange();
    }

    private static void fill(String bootstrap, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < BACKLOG; i++) {
                producer.send(new ProducerRecord<>(topic, "T-" + i, "record " + i));
            }
            producer.flush();
        }
    }

    private static void commit(Admin admin, String group, TopicPartition partition, long offset) {
        try {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(Math.min(offset, BACKLOG))))
                    .all().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the next tick commits further
        }
    }
}
