package dev.servicedesk.deploy;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** All six services on the real broker and database; every request goes through the gateway. */
class SystemEndToEndTest {

    private static ServiceSystem system;
    private static WebTestClient gateway;

    @BeforeAll
    static void startSystem() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        system = ServiceSystem.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), false,
                TestTokens.arguments());
        gateway = WebTestClient.bindToServer().baseUrl(system.gatewayUrl()).responseTimeout(Duration.ofSeconds(15))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .build();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void ticketPostedThroughGatewayAppearsInArchiveWithRoutedEventInTimeline() {
        String ticketId = submit(Map.of(
                "channel", "web",
                "customer", Map.of("name", "Li Na", "email", "li.na@example.com"),
                "description", "How do I change the delivery address of my order?"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> view = ticketView(ticketId);
            assertThat(timelineTypes(view)).contains("TicketReceived", "TicketRouted");
            assertThat(classification(view)).containsKeys("type", "subType", "priority", "department", "confidence", "reasons");
            assertThat(view).containsKey("sla");
        });
    }

    @Test
    void complaintIsOpenedAsComplaintCaseAndGetsSlaTimers() {
        String ticketId = submit(Map.of(
                "channel", "phone",
                "customer", Map.of("name", "王芳", "phone", "+86 138 0013 8000"),
                "description", "我要投诉：客服态度非常差，我对服务质量很不满意"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gateway.get().uri("/api/complaints/{id}", ticketId).exchange().expectStatus().isOk();
            gateway.get().uri("/api/sla/{id}", ticketId).exchange().expectStatus().isOk();
        });
        assertThat(classification(ticketView(ticketId)).get("type")).isEqualTo("complaint");
    }

    @Test
    void invalidTicketIsRejectedWithProblemDetailsThroughGateway() {
        gateway.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "carrier-pigeon"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void unknownTicketIsNotFoundProblem() {
        gateway.get().uri("/api/tickets/{id}", "T-DOES-NOT-EXIST")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @SuppressWarnings("unchecked")
    private static String submit(Map<String, Object> request) {
        Map<String, Object> accepted = gateway.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(accepted).isNotNull().containsKey("ticketId");
        return (String) accepted.get("ticketId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ticketView(String ticketId) {
        return gateway.get().uri("/api/tickets/{id}", ticketId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> classification(Map<String, Object> view) {
        assertThat(view.get("classification")).as("classification of %s", view.get("id")).isNotNull();
        return (Map<String, Object>) view.get("classification");
    }

    @SuppressWarnings("unchecked")
    private static List<String> timelineTypes(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream()
                .map(entry -> (String) entry.get("type"))
                .toList();
    }
}
