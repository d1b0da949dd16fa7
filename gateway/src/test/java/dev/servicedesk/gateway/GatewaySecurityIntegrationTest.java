package dev.servicedesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.servicedesk.gateway.security.CreateApiKey;
import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The front door: nobody reaches a service without credentials that allow the request. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
class GatewaySecurityIntegrationTest {

    static final StubBackend intake = StubBackend.start("intake");
    static final StubBackend archive = StubBackend.start("archive");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        GatewayTestSecurity.register(registry);
        registry.add("INTAKE_URI", intake::uri);
        registry.add("ARCHIVE_URI", archive::uri);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        List.of(intake, archive).forEach(StubBackend::reset);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopBackends() {
        List.of(intake, archive).forEach(StubBackend::close);
    }

    @Test
    void requestWithoutCredentialsIs401ProblemWithCorrelationIdAndNeverReachesTheService() {
        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Correlation-Id", "corr-anon")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "corr-anon")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.correlationId").isEqualTo("corr-anon");
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void roleThatMayNotMakeTheRequestIs403ProblemAndNeverReachesTheService() {
        client.post().uri("/api/tickets/T-1/closure").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.DASHBOARD))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.correlationId").exists();
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void internalPathsAreNeverRoutedEvenForAnAdministrator() {
        client.get().uri("/internal/tickets/T-1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(intake.requests()).isEmpty();
        assertThat(archive.requests()).isEmpty();
    }

    @Test
    void apiKeyCallerReachesTheServiceWithAShortLivedTokenInsteadOfItsKey() {
        String key = CreateApiKey.create(GatewayTestSecurity.API_KEYS, "web-frontend", Role.CHANNEL, "web");
        intake.replyNext(StubBackend.Reply.status(202));

        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus().isAccepted();

        assertThat(intake.requests()).singleElement().satisfies(request -> {
            assertThat(request.header("X-Api-Key")).isNull();
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).startsWith("Bearer ");
            Jwt token = LocalIssuer.openOrCreate(TestTokens.keyFolder()).decoder()
                    .decode(request.header(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()))
                    .block(Duration.ofSeconds(5));
            assertThat(token.getSubject()).isEqualTo("web-frontend");
            assertThat(token.getClaimAsStringList("roles")).containsExactly("channel");
            assertThat(token.getClaimAsString("channel")).isEqualTo("web");
        });
    }

    @Test
    void unknownApiKeyIs401() {
        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("X-Api-Key", "sdk_not-a-key")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void administratorMintsATokenForARoleThatThenWorksAndOthersMayNotMint() {
        Map<String, String> request = Map.of("subject", "kpi-wall", "role", "dashboard", "validFor", "1h");
        client.post().uri("/auth/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.SUPERVISOR))
                .exchange()
                .expectStatus().isForbidden();

        @SuppressWarnings("unchecked")
        Map<String, Object> minted = client.post().uri("/auth/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        client.get().uri("/api/kpis/summary").header(HttpHeaders.AUTHORIZATION, "Bearer " + minted.get("token"))
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/api/customers/C-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + minted.get("token"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void publicKeyIsPublishedAsAJwkSetAndTheDashboardPageNeedsNoToken() {
        client.get().uri("/oauth2/jwks").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA").jsonPath("$.keys[0].d").doesNotExist();
        client.get().uri("/").exchange().expectStatus().isOk();
    }
}
