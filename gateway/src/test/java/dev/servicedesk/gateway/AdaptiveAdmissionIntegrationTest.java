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
 * The followup route may admit up to eight requests at once, but its backend answers slower than the
 * 200 ms latency target: each slow answer lowers the route's limit by 10 %, so after six of them only two
 * requests are admitted at once and the rest are answered 503 at once, long before the 10 s time limiter
 * would have opened the circuit breaker.
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
    void answersSlowerThanTheLatencyTargetShrinkTheRoutesLimitSoTheExcessIsShedAtOnce() {
        followup.replyAlways(StubBackend.Reply.status(200).after(Duration.ofMillis(600)));
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();

        // Eight at once fit the starting limit, and their slow answers bring it down to its floor of two.
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
