package dev.servicedesk.gateway;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The followup route may admit up to eight requests at once and never fewer than two. It starts at two:
 * a backend just started is slow, and a burst let in at once would run into the time limiter and open
 * the circuit breaker. While answers come faster than the 200 ms latency target the limit grows to eight;
 * once they are slower, each lowers it by 10 %, so after six of them only two requests are admitted at once
 * and the rest are answered 503 at once, long before the 10 s time limiter would have opened the breaker.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "servicedesk.gateway.in-flight.max-per-route=8",
            "servicedesk.gateway.in-flight.min-per-route=2",
            "servicedesk.gateway.in-flight.latency-target=200ms",
            "resilience4j.timelimiter.instances.followup.timeout-duration=10s"
        })
class AdaptiveAdmissionIntegrationTest {

    static final StubBackend followup = StubBackend.start("followup");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("FOLLOWUP_URI", followup::uri);
        GatewayTestSecurity.register(registry);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopBackend() {
        followup.close();
    }

    @Test
    void theLimitStartsAtItsFloorGrowsWhileAnswersAreFastAndShrinksOnceTheyAreSlow() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
        followup.replyAlways(StubBackend.Reply.status(200).after(Duration.ofMillis(150)));

        // A cold route: of eight at once, most are shed.
        assertThat(send(client, 8)).filteredOn(answer -> answer.status() == 503).hasSizeGreaterThanOrEqualTo(4);

        // Fast answers raise the limit until eight at once are all admitted.
        boolean allAdmitted = false;
        for (int burst = 0; burst < 20 && !allAdmitted; burst++) {
            allAdmitted = send(client, 8).stream().allMatch(answer -> answer.status() == 200);
        }
        assertThat(allAdmitted).as("eight at once admitted within 20 bursts of fast answers").isTrue();

        // Slow answers bring it down to its floor of two.
        followup.replyAlways(StubBackend.Reply.status(200).after(Duration.ofMillis(600)));
        assertThat(send(client, 8)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));

        List<Answer> answers = send(client, 6);

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(2);
        assertThat(answers).filteredOn(answer -> answer.status() == 503).hasSize(4)
                .allSatisfy(shed -> assertThat(shed.took()).isLessThan(Duration.ofMillis(500)));
    }

    private static List<Answer> send(WebTestClient client, int count) {
        return Flux.range(0, count)
                .flatMap(i -> Mono.fromCallable(() -> {
                    long started = System.nanoTime();
                    var result = client.get().uri("/api/sla/T-" + i).exchange().expectBody(String.class).returnResult();
                    return new Answer(result.getStatus().value(), Duration.ofNanos(System.nanoTime() - started));
                }).subscribeOn(Schedulers.boundedElastic()), count)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    private record Answer(int status, Duration took) {
    }
}
