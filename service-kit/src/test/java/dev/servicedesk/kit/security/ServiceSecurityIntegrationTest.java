package dev.servicedesk.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenRequest;
import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service built on the kit checks every token itself, whoever routed the request to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSecurityIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("kit_security"));
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void callWithoutTokenIsRefusedWith401ProblemCarryingTheCorrelationId() {
        client.get().uri("/api/tickets/T-WEB-1").header("X-Correlation-Id", "corr-401")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.correlationId").isEqualTo("corr-401");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        String forged = LocalIssuer.openOrCreate(Files.createTempDirectory("other-issuer"))
                .mint(TokenRequest.of("mallory", Role.ADMIN, Duration.ofMinutes(5)));
        client.get().uri("/api/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void roleOutsideTheMatrixIsForbiddenWith403Problem() {
        client.post().uri("/api/tickets/T-WEB-1/closure").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.DASHBOARD))
                .header("X-Correlation-Id", "corr-403")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.correlationId").isEqualTo("corr-403");
    }

    @Test
    void dashboardSeesCustomerDataMaskedWhereverItAppearsAndAgentSeesItWhole() {
        client.get().uri("/api/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.DASHBOARD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.customer.name").isEqualTo("王**")
                .jsonPath("$.customer.phone").isEqualTo("+** *** **** 8000")
                .jsonPath("$.customer.email").isEqualTo("w***@example.com")
                .jsonPath("$.timeline[0].payload.customer.phone").isEqualTo("+** *** **** 8000")
                .jsonPath("$.related[0].customerName").isEqualTo("王**")
                .jsonPath("$.description").isEqualTo("kettle leaks");

        client.get().uri("/api/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.AGENT))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.customer.name").isEqualTo("王芳")
                .jsonPath("$.customer.phone").isEqualTo("+86 138 0013 8000");
    }

    @Test
    void channelReadsItsOwnChannelsTicketsOnlyAndAnotherChannelsTicketIsNotFound() {
        client.get().uri("/api/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.customer.email").isEqualTo("w***@example.com");

        client.get().uri("/api/tickets/T-PHONE-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void internalRecordIsForStaffOnly() {
        client.get().uri("/internal/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                .exchange()
                .expectStatus().isForbidden();
        client.get().uri("/internal/tickets/T-WEB-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.AGENT))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void handlersSeeTheCallerFromTheToken() {
        client.post().uri("/api/tickets/T-WEB-1/closure").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.AGENT))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.closedBy").isEqualTo("agent-test");
    }
}
