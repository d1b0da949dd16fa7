package dev.servicedesk.intake.registration;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ticket answered 202 is never lost: intake is stopped abruptly while requests are still in
 * flight and before it projected anything; every acknowledged ticket is on the broker, and the
 * next intake on the same database projects them all and still honours the idempotency keys.
 */
class DurableAcceptanceIntegrationTest {

    private static final int REQUESTS = 80;
    private static final int STOP_AFTER = 40;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedTicketSurvivesAnAbruptStopAndIsProjectedByTheNextIntake() throws Exception {
        String database = TestInfrastructure.uniqueDatabase("intake-durable");
        String group = "intake-durable-" + UUID.randomUUID();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String key = UUID.randomUUID().toString();
        Map<String, Object> keyedForm = IntakeIntegrationSupport.form("keyed before the crash");
        String keyedTicket;

        // The first intake never starts its listener: it dies before projecting anything.
        StandaloneIntake first = StandaloneIntake.start(database, Map.of(
                "spring.kafka.consumer.group-id", group,
                "spring.kafka.listener.auto-startup", "false",
                "server.shutdown", "immediate"));
        try {
            String[] keyed = new String[1];
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> keyed[0] = first.client().post().uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).bodyValue(keyedForm)
                    .exchange().expectStatus().isAccepted()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("ticketId").asString());
            keyedTicket = keyed[0];
            acknowledged.add(keyedTicket);
            WebClient client = WebClient.builder().baseUrl(first.baseUrl())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
            CountDownLatch enough = new CountDownLatch(STOP_AFTER);
            Flux.range(0, REQUESTS)
                    .flatMap(i -> client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(IntakeIntegrationSupport.form("ticket " + i + " 在崩溃前受理"))
                            .exchangeToMono(response -> response.statusCode().value() == 202
                                    ? response.bodyToMono(JsonNode.class).map(body -> body.get("ticketId").asString())
                                    : response.releaseBody().then(Mono.empty()))
                            .doOnNext(id -> {
                                acknowledged.add(id);
                                enough.countDown();
                            })
                            .onErrorResume(e -> Mono.empty()), 16)
                    .subscribe();
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.close(); // abrupt: requests still in flight are cut off
        }
        List<String> ids = List.copyOf(acknowledged);
        assertThat(ids.size()).isGreaterThan(STOP_AFTER);

        Map<String, List<EventEnvelope>> onBroker = IntakeIntegrationSupport.eventsOf(
                TestInfrastructure.get().kafkaBootstrapServers(), Topics.TICKET_EVENTS, ids, ids.size());
        assertThat(onBroker.keySet()).as("every acknowledged ticket is on the broker").containsExactlyInAnyOrderElementsOf(ids);

        try (StandaloneIntake second = StandaloneIntake.start(database, Map.of("spring.kafka.consumer.group-id", group))) {
            WebTestClient web = second.client();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String id : ids) {
                    web.get().uri("/internal/tickets/{id}", id).exchange().expectStatus().isOk();
                }
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.post().uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).bodyValue(keyedForm).exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectBody().jsonPath("$.ticketId").isEqualTo(keyedTicket));
        }
    }
}
