package dev.servicedesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
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
        GatewayTestSecurity.register(registry);
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
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
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
                // Three requests an hour: the next token comes after 20 minutes.
                .expectHeader().value("Retry-After", value -> assertThat(Integer.parseInt(value)).isBetween(1100, 1200))
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Reset", "3600")
                .expectHeader().valueEquals("RateLimit-Policy", "3;w=3600")
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
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
        assertThat(complaint.requests()).hasSize(3);
        assertThat(intake.requests()).hasSize(1);
    }

    @Test
    void eachAuthenticatedClientHasItsOwnAllowanceWhateverItsAddress() {
        // The administrator's allowance on this route is spent (other tests may have begun spending it).
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/customers/C-" + i).exchange();
        }
        client.get().uri("/api/customers/C-3").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        client.get().uri("/api/customers/C-3").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.AGENT)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
    }
}
