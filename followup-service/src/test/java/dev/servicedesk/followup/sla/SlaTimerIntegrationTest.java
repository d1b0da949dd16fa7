package dev.servicedesk.followup.sla;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.followup.FollowupApplication;
import dev.servicedesk.testsupport.TestEventProducer;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = FollowupApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=followup-service")
class SlaTimerIntegrationTest {

    private static final Instant ROUTED_AT = Instant.parse("2026-11-23T02:00:00Z");
    private static TestEventProducer producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("followup"));
    }

    @BeforeAll
    static void connect() {
        producer = new TestEventProducer();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void routedTicketGetsItsSlaTimers() {
        String ticketId = "T-SLA-" + UUID.randomUUID();
        send(routed(ticketId, 1, Priority.URGENT, Duration.ofHours(2)));

        awaitTimers(ticketId, 1, "urgent");
    }

    @Test
    void redeliveredOlderRoutingDoesNotReplaceNewerTimers() {
        String ticketId = "T-SLA-" + UUID.randomUUID();
        EventEnvelope first = routed(ticketId, 1, Priority.NORMAL, Duration.ofHours(72));
        send(first);
        awaitTimers(ticketId, 1, "normal");

        send(routed(ticketId, 2, Priority.URGENT, Duration.ofHours(2)));
        awaitTimers(ticketId, 2, "urgent");
        int partition = send(first);
        // a marker on the same partition, after the redelivery, proves the redelivery has been handled
        EventEnvelope marker = routed(ticketId + "-marker", 1, Priority.NORMAL, Duration.ofHours(72));
        producer.send(Topics.TICKET_ROUTING, partition, marker);
        awaitTimers(ticketId + "-marker", 1, "normal");

        client().get().uri("/api/sla/{id}", ticketId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(2).jsonPath("$.priority").isEqualTo("urgent");
    }

    @Test
    void unknownTicketIsNotFoundProblem() {
        client().get().uri("/api/sla/{id}", "T-NONE").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    private void awaitTimers(String ticketId, int revision, String priority) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().get().uri("/api/sla/{id}", ticketId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.revision").isEqualTo(revision)
                .jsonPath("$.priority").isEqualTo(priority)
                .jsonPath("$.deadlines.firstResponseDue").exists());
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
    }

    private static EventEnvelope routed(String ticketId, int revision, Priority priority, Duration solutionWithin) {
        SlaDeadlines deadlines = new SlaDeadlines(ROUTED_AT.plusSeconds(60), ROUTED_AT.plus(solutionWithin),
                priority == Priority.URGENT ? Duration.ofHours(1) : Duration.ofHours(4));
        TicketRouted payload = new TicketRouted("C-1", TicketType.PROBLEM_FEEDBACK, "product-malfunction", priority,
                Department.TECHNICAL_SUPPORT, "ts-lead", 0.9, false, List.of("test"), deadlines, null, revision, null, null);
        return EventEnvelope.first(UUID.nameUUIDFromBytes((ticketId + revision).getBytes()), ticketId, "routing-service",
                ticketId, ROUTED_AT.plusSeconds(revision), payload);
    }

    private static int send(EventEnvelope envelope) {
        return producer.send(Topics.TICKET_ROUTING, envelope);
    }
}
