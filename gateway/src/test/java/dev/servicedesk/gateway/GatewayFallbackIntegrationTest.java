package dev.servicedesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import dev.servicedesk.gateway.StubBackend.Reply;
import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Intake, routing and complaint are down (nothing listens on their ports), followup is slower than its
 * time limiter, archive is up with a short time limiter: the gateway answers with problems, never a 500.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "resilience4j.timelimiter.instances.followup.timeout-duration=500ms",
            "resilience4j.timelimiter.instances.archive.timeout-duration=1s",
            "resilience4j.circuitbreaker.instances.routing.sliding-window-size=4",
            "resilience4j.circuitbreaker.instances.routing.minimum-number-of-calls=4",
            "servicedesk.gateway.fallback.retry-after=7s"
        })
@ExtendWith(OutputCaptureExtension.class)
class GatewayFallbackIntegrationTest {

    static final StubBackend followup = StubBackend.start("followup");
    static final StubBackend archive = StubBackend.start("archive");
    static final String INTAKE_DOWN = "http://127.0.0.1:" + closedPort();
    static final String ROUTING_DOWN = "http://127.0.0.1:" + closedPort();
    static final String COMPLAINT_DOWN = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        GatewayTestSecurity.register(registry);
        registry.add("INTAKE_URI", () -> INTAKE_DOWN);
        registry.add("ROUTING_URI", () -> ROUTING_DOWN);
        registry.add("COMPLAINT_URI", () -> COMPLAINT_DOWN);
        registry.add("FOLLOWUP_URI", followup::uri);
        registry.add("ARCHIVE_URI", archive::uri);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        followup.reset();
        archive.reset();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopBackends() {
        followup.close();
        archive.close();
    }

    @Test
    void postToIntakeWhileItIsDownIsAServiceUnavailableProblemNamingIntake() {
        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Correlation-Id", "corr-down")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectHeader().valueEquals("X-Correlation-Id", "corr-down")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/service-unavailable")
                .jsonPath("$.detail").isEqualTo("intake-service is unavailable")
                .jsonPath("$.correlationId").isEqualTo("corr-down");
    }

    @Test
    void getFromComplaintServiceWhileItIsDownIsAServiceUnavailableProblem() {
        client.get().uri("/api/complaints/T-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").isEqualTo("complaint-service is unavailable");
    }

    @Test
    void backendSlowerThanItsTimeLimiterIsAServiceUnavailableProblemToRetry() {
        // Without the 500 ms time limiter the stub would answer 200 after 3 s.
        followup.replyNext(Reply.status(200).after(Duration.ofSeconds(3)));

        client.get().uri("/api/sla/T-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/service-timeout")
                .jsonPath("$.detail").isEqualTo("followup-service did not answer in time");
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndCallsArePausedWithAProblemLoggedOnceNotPerCall(CapturedOutput output) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ProblemDetail problem = client.post().uri("/api/tickets/T-1/classification")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody(ProblemDetail.class).returnResult().getResponseBody();
            assertThat(problem.getDetail()).isEqualTo("routing-service is unavailable: too many recent failures, calls are paused");
        });
        for (int i = 0; i < 5; i++) {
            client.post().uri("/api/tickets/T-1/classification").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("Circuit breaker 'routing' CLOSED -> OPEN")))
                .hasSize(1);
        assertThat(output.getAll()).doesNotContain("Fallback for routing-service");
    }

    @Test
    void fallbackIsNotAPublicUrl() {
        client.get().uri("/fallback/intake").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void dashboardEventStreamOutlivesTheTimeLimiter() {
        List<String> events = client.get().uri("/api/kpis/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(10));

        // Three events over 1.2 s, while the archive's time limiter is 1 s.
        assertThat(events).containsExactly("tick-0", "tick-1", "tick-2");
    }

    @Test
    void ordinaryArchiveReadsStillWorkBesideDownServices() {
        client.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("archive");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
