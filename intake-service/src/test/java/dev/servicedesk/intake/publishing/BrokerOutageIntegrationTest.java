package dev.servicedesk.intake.publishing;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.embedded.LoopbackKafkaBroker;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intake on a broker of its own that the test stops: requests get 503 with Retry-After within a
 * few seconds, the breaker then answers at once, and a retry with the same key after the broker
 * is back registers the ticket exactly once.
 */
class BrokerOutageIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path kafkaDir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void unreachableBrokerIsAnswered503WithinSecondsAndARetryAfterRecoveryRegistersOnce() {
        LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(kafkaDir, 0);
        int brokerPort = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        try (StandaloneIntake intake = StandaloneIntake.start(TestInfrastructure.uniqueDatabase("intake-outage"), Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "spring.kafka.listener.auto-startup", "false",
                "servicedesk.intake.breaker.open-for", "2s"))) {
            WebTestClient web = intake.client();
            // On a busy machine the very first send may miss the short producer timeouts: wait for a healthy start.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    post(web, IntakeIntegrationSupport.form("warm-up"), null).expectStatus().isAccepted());
            broker.close();

            String key = UUID.randomUUID().toString();
            Map<String, Object> form = IntakeIntegrationSupport.form("broker is down 消息队列宕机了");
            long started = System.nanoTime();
            EntityExchangeResult<byte[]> refused = post(web, form, key).expectBody().returnResult();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.getStatus().value()).isEqualTo(503);
            assertThat(took).as("bounded by the publish timeout").isLessThan(Duration.ofSeconds(8));
            assertThat(refused.getResponseHeaders().getFirst("Retry-After")).matches("\\d+");
            assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            // After enough failures the breaker opens and refuses at once instead of waiting on the broker.
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).untilAsserted(() -> {
                long t0 = System.nanoTime();
                post(web, IntakeIntegrationSupport.form("still down"), null).expectStatus().isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
            });
            web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);

            broker = LoopbackKafkaBroker.start(kafkaDir, brokerPort);
            String[] ticketId = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                EntityExchangeResult<byte[]> retry = post(web, form, key).expectBody().returnResult();
                assertThat(retry.getStatus().value()).isEqualTo(202);
                ticketId[0] = JSON.readTree(retry.getResponseBody()).get("ticketId").asString();
            });

            List<EventEnvelope> events = IntakeIntegrationSupport.eventsOf(broker.bootstrapServers(), Topics.TICKET_EVENTS,
                    List.of(ticketId[0]), 1).get(ticketId[0]);
            Set<UUID> eventIds = events.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());
            assertThat(eventIds).as("every attempt that reached the broker carried the same event id").hasSize(1);
        } finally {
            broker.close();
        }
    }

    private static WebTestClient.ResponseSpec post(WebTestClient web, Object body, String key) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }
}
