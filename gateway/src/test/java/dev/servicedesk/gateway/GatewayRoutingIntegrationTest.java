package dev.servicedesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.servicedesk.gateway.StubBackend.Recorded;
import dev.servicedesk.gateway.StubBackend.Reply;
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
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every backend is up: requests reach the right service intact, reads are retried, writes never.
 * Admission is held at a fixed 128 per route here (its adaptive limit has tests of its own), so that
 * concurrent requests meet only the circuit breaker.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "servicedesk.gateway.in-flight.min-per-route=128"})
class GatewayRoutingIntegrationTest {

    static final StubBackend intake = StubBackend.start("intake");
    static final StubBackend routing = StubBackend.start("routing");
    static final StubBackend complaint = StubBackend.start("complaint");
    static final StubBackend followup = StubBackend.start("followup");
    static final StubBackend archive = StubBackend.start("archive");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        GatewayTestSecurity.register(registry);
        registry.add("INTAKE_URI", intake::uri);
        registry.add("ROUTING_URI", routing::uri);
        registry.add("COMPLAINT_URI", complaint::uri);
        registry.add("FOLLOWUP_URI", followup::uri);
        registry.add("ARCHIVE_URI", archive::uri);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        List.of(intake, routing, complaint, followup, archive).forEach(StubBackend::reset);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopBackends() {
        List.of(intake, routing, complaint, followup, archive).forEach(StubBackend::close);
    }

    @Test
    void postedTicketReachesIntakeWithBodyAndHeadersIntactAndItsAcceptedAnswerComesBack() {
        String ticket = "{\"customerId\":\"C-42\",\"channel\":\"EMAIL\",\"text\":\"Fridge stopped – ü, 日本\"}";
        intake.replyNext(Reply.status(202).body("application/json", "{\"ticketId\":\"T-1\"}")
                .header("Location", "/api/tickets/T-1"));

        client.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-123")
                .header("X-Request-Id", "req-9")
                .bodyValue(ticket)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectHeader().valueEquals("Location", "/api/tickets/T-1")
                .expectBody().json("{\"ticketId\":\"T-1\"}");

        assertThat(intake.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/api/tickets");
            assertThat(request.body()).isEqualTo(ticket);
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Idempotency-Key")).isEqualTo("key-123");
            assertThat(request.header("X-Request-Id")).isEqualTo("req-9");
        });
    }

    // Intake's LifecycleController, path by path.
    static final List<String> LIFECYCLE_COMMANDS = List.of("progress", "information-requests", "information", "solution",
            "solution/acceptance", "solution/rejection", "resolution", "closure", "reopening", "contacts");

    @Test
    void everyTicketLifecycleCommandGoesToIntake() {
        for (String command : LIFECYCLE_COMMANDS) {
            client.post().uri("/api/tickets/T-1/" + command).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.backend").isEqualTo("intake").jsonPath("$.path").isEqualTo("/api/tickets/T-1/" + command);
        }
        assertThat(intake.requests()).extracting(Recorded::uri)
                .containsExactlyElementsOf(LIFECYCLE_COMMANDS.stream().map(command -> "/api/tickets/T-1/" + command).toList());
        assertThat(archive.requests()).isEmpty();
    }

    @Test
    void classificationCommandGoesToRoutingNotIntake() {
        client.post().uri("/api/tickets/T-1/classification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\":\"COMPLAINT\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("routing");

        assertThat(intake.requests()).isEmpty();
        assertThat(routing.requests()).singleElement()
                .satisfies(request -> assertThat(request.body()).isEqualTo("{\"type\":\"COMPLAINT\"}"));
    }

    @Test
    void ticketCustomerAndKpiQueriesAreServedByArchive() {
        List<String> paths = List.of("/api/tickets/T-1", "/api/tickets?customerId=C-42&status=open&limit=5",
                "/api/customers/C-42", "/api/kpis/summary");
        for (String path : paths) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.backend").isEqualTo("archive");
        }
        assertThat(archive.requests()).extracting(Recorded::uri)
                .containsExactlyElementsOf(paths);
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void rootServesTheArchiveDashboardPage() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/dashboard/index.html");
        client.get().uri("/dashboard/dashboard.js").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/dashboard/dashboard.js");

        assertThat(archive.requests()).extracting(Recorded::uri).containsExactly("/dashboard/index.html", "/dashboard/dashboard.js");
    }

    @Test
    void complaintCasesGoToComplaintServiceAndSlaTimersToFollowup() {
        client.get().uri("/api/complaints/T-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("complaint");
        client.get().uri("/api/complaints").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("complaint");
        client.get().uri("/api/sla/T-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("followup");

        assertThat(complaint.requests()).extracting(Recorded::uri).containsExactly("/api/complaints/T-1", "/api/complaints");
        assertThat(followup.requests()).extracting(Recorded::uri).containsExactly("/api/sla/T-1");
        assertThat(archive.requests()).isEmpty();
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        client.get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/no-route")
                .jsonPath("$.detail").isEqualTo("No route for GET /api/nothing-here");
    }

    @Test
    void methodWithoutARouteIsANotFoundProblem() {
        client.delete().uri("/api/tickets/T-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(archive.requests()).isEmpty();
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void correlationIdIsGeneratedWhenAbsentPassedDownstreamAndEchoed() {
        String echoed = client.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(echoed).matches("[0-9a-f-]{36}");
        assertThat(archive.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("X-Correlation-Id")).isEqualTo(echoed));
    }

    @Test
    void clientCorrelationIdIsKeptAndRequestIdIsUsedWhenThereIsNone() {
        client.get().uri("/api/tickets/T-1").header("X-Correlation-Id", "corr-1").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-1");
        client.get().uri("/api/tickets/T-2").header("X-Request-Id", "req-2").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "req-2");

        assertThat(archive.requests()).extracting(request -> request.header("X-Correlation-Id"))
                .containsExactly("corr-1", "req-2");
    }

    @Test
    void correlationIdIsEchoedOnTheGatewaysOwnErrors() {
        client.get().uri("/nowhere").header("X-Correlation-Id", "corr-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-404")
                .expectBody().jsonPath("$.correlationId").isEqualTo("corr-404");
    }

    @Test
    void getIsRetriedWhenArchiveAnswersServiceUnavailable() {
        archive.replyNext(Reply.status(503));

        client.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("archive");

        assertThat(archive.requests()).hasSize(2);
    }

    @Test
    void getIsNotRetriedOnInternalServerError() {
        archive.replyNext(Reply.status(500).body("application/problem+json", "{\"status\":500,\"title\":\"boom\"}"));

        client.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody().jsonPath("$.title").isEqualTo("boom");

        assertThat(archive.requests()).hasSize(1);
    }

    @Test
    void getGivesUpAfterTwoRetriesAndPassesTheBackendAnswerOn() {
        archive.replyAlways(Reply.status(503).body("application/problem+json", "{\"status\":503,\"title\":\"archive busy\"}"));

        client.get().uri("/api/kpis/summary").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.title").isEqualTo("archive busy");

        assertThat(archive.requests()).hasSize(3);
    }

    @Test
    void postIsNeverRetriedWhenIntakeFails() {
        intake.replyNext(Reply.status(503), Reply.status(202));

        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(intake.requests()).hasSize(1);
    }

    @Test
    void concurrentRequestsGetRealAnswersNotFallbacks() {
        int concurrent = 80;
        intake.replyAlways(Reply.status(202).body("application/json", "{\"accepted\":true}").after(Duration.ofMillis(300)));
        WebClient unpooled = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .build();

        List<Integer> statuses = Flux.fromStream(IntStream.range(0, concurrent).boxed())
                .flatMap(i -> unpooled.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"n\":" + i + "}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                        concurrent)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(concurrent).containsOnly(202);
        assertThat(intake.requests()).hasSize(concurrent);
    }

    @Test
    void actuatorExposesHealthProbesAndPrometheus() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
