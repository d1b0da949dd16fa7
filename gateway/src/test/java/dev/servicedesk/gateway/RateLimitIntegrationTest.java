package dev.servicedesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A tiny limit of three requests per client and route, refilled only after an hour. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "servicedesk.gateway.rate-limit.capacity=3",
            "servicedesk.gateway.rate-limit.refill-period=1h"
        })
class RateLimitIntegrationTest {

    static final StubBackend intake = StubBackend.start("intake");
    static final StubBackend complaint = StubBackend.start("complaint");
    static final StubBackend archive = StubBackend.start("archive");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", intake::uri);
        registry.add("COMPLAINT_URI", complaint::uri);
        registry.add("ARCHIVE_URI", archive::uri);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        List.of(intake, complaint, archive).forEach(StubBackend::reset);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopBackends() {
        List.of(intake, complaint, archive).forEach(StubBackend::close);
    }

    @Test
    void requestsBeyondTheLimitAreATooManyRequestsProblem() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/tickets/T-" + i).exchange().expectStatus().isOk();
        }

        client.get().uri("/api/tickets/T-3").header("X-Correlation-Id", "corr-429").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().valueEquals("X-Correlation-Id", "corr-429")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/rate-limited")
                .jsonPath("$.correlationId").isEqualTo("corr-429");

        assertThat(archive.requests()).hasSize(3);
    }

    @Test
    void eachRouteHasItsOwnAllowance() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/complaints/CP-" + i).exchange().expectStatus().isOk();
        }
        client.get().uri("/api/complaints/CP-3").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "2");
        assertThat(complaint.requests()).hasSize(3);
        assertThat(intake.requests()).hasSize(1);
    }
}
