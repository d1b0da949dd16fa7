package dev.servicedesk.gateway;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.springframework.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The followup route admits two requests at a time; its backend takes 2 s to answer. Of five sent
 * together, two are answered by the backend and three at once with 503 and Retry-After, as a problem
 * that says the route is at capacity.
 * Shedding is what overload looks like, so it logs nothing at the default level.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "servicedesk.gateway.in-flight.max-per-route=2",
            "resilience4j.timelimiter.instances.followup.timeout-duration=10s"
        })
@ExtendWith(OutputCaptureExtension.class)
class InFlightLimitIntegrationTest {

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
    void requestsBeyondTheRoutesCapacityAreAnsweredServiceUnavailableAtOnceWithoutALogLineEach(CapturedOutput output) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
        // One answered request first, so the timings below are of the admission, not of a cold first call.
        followup.replyAlways(StubBackend.Reply.status(200));
        client.get().uri("/api/sla/T-warm").exchange().expectStatus().isOk();
        followup.replyAlways(StubBackend.Reply.status(200).after(Duration.ofSeconds(2)));

        List<Answer> answers = Flux.range(0, 5)
                .flatMap(i -> Mono.fromCallable(() -> {
                    long started = System.nanoTime();
                    var result = client.get().uri("/api/sla/T-" + i).exchange().expectBody(String.class).returnResult();
                    return new Answer(result.getStatus().value(), result.getResponseHeaders().getFirst("Retry-After"),
                            result.getResponseHeaders().getContentType(), result.getResponseBody(),
                            Duration.ofNanos(System.nanoTime() - started));
                }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 5)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(2);
        assertThat(answers).filteredOn(answer -> answer.status() == HttpStatus.SERVICE_UNAVAILABLE.value())
                .hasSize(3)
                .allSatisfy(rejected -> {
                    assertThat(rejected.retryAfter()).isNotNull();
                    assertThat(rejected.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
                    assertThat(rejected.body()).contains("followup-service is at capacity (2 requests in progress)");
                    assertThat(rejected.took()).isLessThan(Duration.ofSeconds(1));
                });
        // A stack trace per rejected request made logging the bottleneck under overload.
        assertThat(output.getAll()).doesNotContain("503 for GET /api/sla", "ResponseStatusException");
    }

    private record Answer(int status, String retryAfter, MediaType contentType, String body, Duration took) {
    }
}
