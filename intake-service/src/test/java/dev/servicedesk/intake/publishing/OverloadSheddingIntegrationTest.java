package dev.servicedesk.intake.publishing;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More registrations at once than intake lets wait for the broker: the excess is answered 503
 * problem+json with a short Retry-After at once, every 202 is on the broker, shedding does not
 * open the broker's circuit breaker, and intake accepts again as soon as the burst has passed.
 */
class OverloadSheddingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BURST = 60;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void requestsBeyondThePendingLimitAreShedWith503AndEveryAcceptedTicketIsOnTheBroker() {
        try (StandaloneIntake intake = StandaloneIntake.start(TestInfrastructure.uniqueDatabase("intake-shedding"), Map.of(
                "spring.kafka.listener.auto-startup", "false",
                "servicedesk.intake.max-pending", "2",
                "servicedesk.intake.shed-retry-after", "1s"))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> intake.client().post().uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeIntegrationSupport.form("warm-up"))
                    .exchange().expectStatus().isAccepted());

            WebClient client = WebClient.builder().baseUrl(intake.baseUrl())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
            List<Answer> answers = Flux.range(0, BURST)
                    .flatMap(i -> client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(IntakeIntegrationSupport.form("burst " + i + " 高峰期来电"))
                            .exchangeToMono(response -> response.bodyToMono(byte[].class).map(body -> new Answer(
                                    response.statusCode().value(), response.headers().header("Retry-After"),
                                    response.headers().contentType().map(Object::toString).orElse(""), JSON.readTree(body)))),
                            BURST)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            List<Answer> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
            List<Answer> shed = answers.stream().filter(answer -> answer.status() == 503).toList();
            assertThat(accepted.size() + shed.size()).as("only 202 or 503, never a 500").isEqualTo(BURST);
            assertThat(accepted).isNotEmpty();
            assertThat(shed).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.retryAfter()).containsExactly("1");
                assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(answer.body().get("detail").asString()).contains("at capacity");
            });
            assertThat(intake.bean(TicketEventPublisher.class).breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);

            List<String> ids = accepted.stream().map(answer -> answer.body().get("ticketId").asString()).toList();
            assertThat(IntakeIntegrationSupport.eventsOf(TestInfrastructure.get().kafkaBootstrapServers(),
                    Topics.TICKET_EVENTS, ids, ids.size()).keySet()).containsExactlyInAnyOrderElementsOf(ids);
            intake.client().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(IntakeIntegrationSupport.form("after the burst")).exchange().expectStatus().isAccepted();
        }
    }

    private record Answer(int status, List<String> retryAfter, String contentType, JsonNode body) {
    }
}
