package dev.servicedesk.intake.registration;

import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.ChildIntakeMain;
import dev.servicedesk.intake.ChildJvm;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ticket answered 202 is never lost, even when intake's process dies at once: intake runs in a
 * JVM of its own and gets SIGKILL in the middle of a burst of registrations (no shutdown hook, no
 * producer flush, requests cut off in flight). Every ticket a client saw accepted is on
 * {@code ticket-events}, and the intake started next on the same database and consumer group
 * projects every one of them and still honours an Idempotency-Key used before the crash.
 */
class IntakeKilledMidBurstIntegrationTest {

    private static final int REQUESTS = 400;
    private static final int CONCURRENCY = 16;
    private static final int KILL_AFTER_ACCEPTED = 60;

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 110, unit = TimeUnit.SECONDS)
    void everyTicketAnswered202BeforeSigkillIsOnTheTopicAndProjectedAfterRestart() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String database = TestInfrastructure.uniqueDatabase("intake-killed");
        String group = "intake-killed-" + UUID.randomUUID();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        Map<Integer, Integer> otherStatuses = new ConcurrentHashMap<>();
        String key = UUID.randomUUID().toString();
        Map<String, Object> keyedForm = IntakeIntegrationSupport.form("keyed before the crash 崩溃前带幂等键");
        String keyedTicket;

        try (ChildJvm intake = ChildJvm.start("intake", ChildIntakeMain.class, workDir, "256m", List.of(
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.consumer.group-id=" + group,
                // the killed member must leave the group soon, or the next intake waits 45 s for its partitions
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--server.port=0",
                TestTokens.arguments()[0],
                "--logging.level.root=WARN"))) {
            String baseUrl = "http://127.0.0.1:" + intake.awaitReady(Duration.ofSeconds(60));
            WebClient client = WebClient.builder().baseUrl(baseUrl)
                    .defaultHeader("Authorization", TestTokens.bearer(Role.ADMIN)).build();

            String[] keyed = new String[1];
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> keyed[0] = client.post().uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).bodyValue(keyedForm)
                    .retrieve().bodyToMono(JsonNode.class).map(body -> body.get("ticketId").asString())
                    .block(Duration.ofSeconds(10)));
            keyedTicket = keyed[0];
            accepted.add(keyedTicket);

            CountDownLatch enough = new CountDownLatch(KILL_AFTER_ACCEPTED);
            Mono<Void> burst = Flux.range(0, REQUESTS)
                    .flatMap(i -> client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(IntakeIntegrationSupport.form("ticket " + i + " 在崩溃前受理"))
                            .exchangeToMono(response -> switch (response.statusCode().value()) {
                                case 202 -> response.bodyToMono(JsonNode.class).doOnNext(body -> {
                                    accepted.add(body.get("ticketId").asString());
                                    enough.countDown();
                                }).then();
                                case 503 -> response.releaseBody().doOnSuccess(v -> unavailable.incrementAndGet());
                                default -> response.releaseBody()
                                        .doOnSuccess(v -> otherStatuses.merge(response.statusCode().value(), 1, Integer::sum));
                            })
                            .onErrorResume(e -> {
                                cutOff.incrementAndGet(); // no answer: the process died under it
                                return Mono.empty();
                            }), CONCURRENCY)
                    .then()
                    .cache();
            burst.subscribe();

            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d accepted before the kill", KILL_AFTER_ACCEPTED).isTrue();
            intake.kill();
            burst.block(Duration.ofSeconds(30));
        }
        List<String> ids = List.copyOf(accepted);
        System.out.printf("[intake killed] accepted %d, cut off %d, 503 %d, other %s of %d%n",
                ids.size(), cutOff.get(), unavailable.get(), otherStatuses, REQUESTS + 1);
        assertThat(otherStatuses).as("every answer was 202 or 503").isEmpty();
        assertThat(cutOff.get()).as("requests cut off by the kill: it came mid-burst").isPositive();
        assertThat(ids.size()).as("a burst was being accepted").isGreaterThan(KILL_AFTER_ACCEPTED);

        Map<String, List<EventEnvelope>> onTopic = IntakeIntegrationSupport.eventsOf(
                infrastructure.kafkaBootstrapServers(), Topics.TICKET_EVENTS, ids, ids.size());
        assertThat(onTopic.keySet()).as("every ticket answered 202 is on ticket-events").containsExactlyInAnyOrderElementsOf(ids);

        try (StandaloneIntake next = StandaloneIntake.start(database, Map.of("spring.kafka.consumer.group-id", group))) {
            WebTestClient web = next.client();
            Set<String> unprojected = new HashSet<>(ids);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                unprojected.removeIf(id -> web.get().uri("/internal/tickets/{id}", id).exchange()
                        .returnResult(byte[].class).getStatus().value() == 200);
                assertThat(unprojected).as("accepted tickets not in intake's record after the restart").isEmpty();
            });
            web.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                    .bodyValue(keyedForm).exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectBody().jsonPath("$.ticketId").isEqualTo(keyedTicket);
        }
    }
}
