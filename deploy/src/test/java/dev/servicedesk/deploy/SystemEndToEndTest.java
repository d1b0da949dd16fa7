package dev.servicedesk.deploy;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeDeserializer;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.sla.SlaPolicy;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenRequest;
import dev.servicedesk.testsupport.TestEventProducer;
import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * All six services on the real broker and database; every request goes through the gateway, and a
 * department system is played by a Kafka consumer of its work topic and a producer of results.
 */
class SystemEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static ServiceSystem system;
    private static WebTestClient gateway;

    /** The stack the security end-to-end tests share: one per JVM, as closing one stops the others' event loops. */
    @BeforeAll
    static void startSystem() {
        system = SecuredSystem.get();
        gateway = WebTestClient.bindToServer().baseUrl(system.gatewayUrl()).responseTimeout(Duration.ofSeconds(15))
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                .build();
    }

    /**
     * Registration, routing, the department's work item, its result, progress, a solution the
     * customer accepts, closure, a staff correction that moves the ticket to another department,
     * the customer's archive and the KPI change: one ticket, every value checked.
     */
    @Test
    void oneTicketsWholeLifeThroughTheGateway() {
        JsonNode kpisBefore = get("/api/kpis/summary");
        String phone = "+86 139 " + ThreadLocalRandom.current().nextInt(1000, 9999) + " " + ThreadLocalRandom.current().nextInt(1000, 9999);
        String description = "洗衣机需要预约上门维修，请安排师傅上门 please book a repair visit for my washing machine";

        // Registration: 202 once the broker has it.
        var registered = gateway.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                        "channel", "walk-in",
                        "customer", Map.of("name", "赵敏", "phone", phone, "tier", "member"),
                        "orderNumber", "SO-2026-E2E-0001",
                        "product", Map.of("name", "滚筒洗衣机 W9", "batch", "W9-2611"),
                        "description", description,
                        "customerRequest", "上门维修 a repair visit",
                        "preferredContact", "phone"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/tickets/T-[0-9a-z]{16}")
                .expectBody().returnResult();
        JsonNode accepted = JSON.readTree(registered.getResponseBody());
        String ticketId = accepted.get("ticketId").asString();
        String customerId = accepted.get("customerId").asString();
        Instant receivedAt = Instant.parse(accepted.get("receivedAt").asString());
        assertThat(ticketId).matches("T-[0-9a-z]{16}");
        assertThat(accepted.get("status").asString()).isEqualTo("received");
        assertThat(accepted.get("urgent").asBoolean()).isFalse();
        assertThat(accepted.get("acknowledgement").asString()).isEqualTo("Registered. You will be told when to expect an answer.");
        assertThat(customerId).startsWith("C-");
        assertThat(receivedAt).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(accepted.get("links").get("ticket").asString()).isEqualTo("/api/tickets/" + ticketId);

        // Routing: a repair visit is after-sales work of normal priority, with deadlines on the business calendar.
        // The work item travels on its department's topic, which the archive reads apart from ticket-routing.
        JsonNode routed = awaitTicket(ticketId, view -> view.path("classification").path("revision").asInt() == 1
                && timelineTypes(view).contains("WorkItemAssigned"));
        JsonNode classification = routed.get("classification");
        assertThat(classification.get("type").asString()).isEqualTo("after-sales");
        assertThat(classification.get("subType").asString()).isEqualTo("repair");
        assertThat(classification.get("priority").asString()).isEqualTo("normal");
        assertThat(classification.get("department").asString()).isEqualTo("after-sales");
        assertThat(classification.get("firstOwner").asString()).isIn("as-lead-li", "as-lead-zhao");
        assertThat(classification.get("confidence").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(classification.get("needsReview").asBoolean()).isFalse();
        assertThat(classification.get("reasons").isEmpty()).isFalse();
        SlaDeadlines expected = system.bean(ServiceModule.ROUTING, SlaPolicy.class).deadlines(Priority.NORMAL, receivedAt);
        assertThat(Instant.parse(routed.get("sla").get("firstResponseDue").asString())).isEqualTo(expected.firstResponseDue());
        assertThat(Instant.parse(routed.get("sla").get("firstSolutionDue").asString())).isEqualTo(expected.firstSolutionDue());
        assertThat(Duration.parse(routed.get("sla").get("progressEvery").asString())).isEqualTo(Duration.ofHours(4));
        assertThat(expected.firstResponseDue()).isAfter(receivedAt);
        assertThat(routed.get("status").asString()).isEqualTo("routed");
        assertThat(routed.get("channel").asString()).isEqualTo("walk-in");
        assertThat(routed.get("description").asString()).isEqualTo(description);
        assertThat(routed.get("customer").get("name").asString()).isEqualTo("赵敏");
        assertThat(timelineTypes(routed)).startsWith("TicketReceived").contains("TicketRouted", "WorkItemAssigned");

        // The after-sales system's work item carries what it needs without asking intake.
        try (WorkTopics departments = new WorkTopics()) {
            WorkItemAssigned work = (WorkItemAssigned) departments.await(Topics.work(Department.AFTER_SALES), ticketId,
                    event -> event.payload() instanceof WorkItemAssigned).payload();
            assertThat(work.department()).isEqualTo(Department.AFTER_SALES);
            assertThat(work.owner()).isEqualTo(classification.get("firstOwner").asString());
            assertThat(work.type()).isEqualTo(TicketType.AFTER_SALES);
            assertThat(work.subType()).isEqualTo("repair");
            assertThat(work.priority()).isEqualTo(Priority.NORMAL);
            assertThat(work.description()).isEqualTo(description);
            assertThat(work.customer().customerId()).isEqualTo(customerId);
            assertThat(work.deadlines().firstResponseDue()).isEqualTo(expected.firstResponseDue());
            assertThat(work.revision()).isEqualTo(1);

            // The department reports back on department-results; intake puts it on the ticket of record.
            EventEnvelope result = EventEnvelope.first(UUID.randomUUID(), ticketId, "after-sales-system", ticketId, Instant.now(),
                    new ProgressReported(Department.AFTER_SALES, work.owner(), "已联系维修师傅 technician contacted"));
            try (TestEventProducer producer = new TestEventProducer()) {
                producer.send(Topics.DEPARTMENT_RESULTS, result);
            }
            JsonNode inProgress = awaitTicket(ticketId, view -> view.path("status").asString().equals("in-progress"));
            JsonNode progressEntry = timelineEntry(inProgress, "ProgressReported");
            assertThat(progressEntry.get("causationId").asString()).isEqualTo(result.eventId().toString());
            assertThat(progressEntry.get("producer").asString()).isEqualTo("intake-service");

            // Staff correct the classification: a broken motor is a malfunction for technical support, urgent.
            // The staff member is the token's subject.
            gateway.post().uri("/api/tickets/{id}/classification", ticketId).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.mint(
                            TokenRequest.of("agent-7", Role.SUPERVISOR, Duration.ofMinutes(10))))
                    .bodyValue(Map.of("type", "problem-feedback", "subType", "malfunction", "priority", "urgent",
                            "staffId", "agent-7", "note", "电机故障 the motor is faulty"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.revision").isEqualTo(2)
                    .jsonPath("$.department").isEqualTo("technical-support")
                    .jsonPath("$.classifiedBy").isEqualTo("agent-7");
            JsonNode moved = awaitTicket(ticketId, view -> view.path("classification").path("revision").asInt() == 2);
            JsonNode corrected = moved.get("classification");
            assertThat(corrected.get("type").asString()).isEqualTo("problem-feedback");
            assertThat(corrected.get("subType").asString()).isEqualTo("malfunction");
            assertThat(corrected.get("priority").asString()).isEqualTo("urgent");
            assertThat(corrected.get("department").asString()).isEqualTo("technical-support");
            assertThat(corrected.get("firstOwner").asString()).isIn("ts-lead-wang", "ts-lead-chen");
            // Urgent runs round the clock, from the same clock start: response in 15 min, solution in 2 h, progress hourly.
            SlaDeadlines urgent = system.bean(ServiceModule.ROUTING, SlaPolicy.class).deadlines(Priority.URGENT, receivedAt);
            assertThat(urgent.firstResponseDue()).isEqualTo(receivedAt.plus(Duration.ofMinutes(15)));
            assertThat(urgent.firstSolutionDue()).isEqualTo(receivedAt.plus(Duration.ofHours(2)));
            assertThat(Instant.parse(moved.get("sla").get("firstResponseDue").asString())).isEqualTo(urgent.firstResponseDue());
            assertThat(Instant.parse(moved.get("sla").get("firstSolutionDue").asString())).isEqualTo(urgent.firstSolutionDue());
            assertThat(Duration.parse(moved.get("sla").get("progressEvery").asString())).isEqualTo(Duration.ofHours(1));

            WorkItemAssigned moving = (WorkItemAssigned) departments.await(Topics.work(Department.TECHNICAL_SUPPORT), ticketId,
                    event -> event.payload() instanceof WorkItemAssigned).payload();
            assertThat(moving.revision()).isEqualTo(2);
            assertThat(moving.priority()).isEqualTo(Priority.URGENT);
            assertThat(moving.type()).isEqualTo(TicketType.PROBLEM_FEEDBACK);
            WorkItemWithdrawn withdrawn = (WorkItemWithdrawn) departments.await(Topics.work(Department.AFTER_SALES), ticketId,
                    event -> event.payload() instanceof WorkItemWithdrawn).payload();
            assertThat(withdrawn.reassignedTo()).isEqualTo(Department.TECHNICAL_SUPPORT);
            assertThat(withdrawn.revision()).isEqualTo(2);
        }

        // Progress, solution, acceptance and closure through the gateway's lifecycle routes.
        command(ticketId, "/progress", Map.of("department", "technical-support", "reportedBy", "ts-lead-wang",
                "summary", "更换电机中 replacing the motor"), "in-progress");
        command(ticketId, "/solution", Map.of("proposedBy", "agent-7", "result", "电机损坏 motor broken",
                "solution", "免费更换电机 motor replaced free of charge", "nextSteps", "留意异响 listen for noises"), "solution-proposed");
        awaitTicket(ticketId, view -> view.path("status").asString().equals("solution-proposed"));
        Instant accepting = Instant.now();
        command(ticketId, "/solution/acceptance", Map.of("note", "满意 satisfied"), "resolved");
        JsonNode resolved = awaitTicket(ticketId, view -> timelineTypes(view).contains("SolutionAccepted"));
        assertThat(resolved.get("status").asString()).as("archive status once the customer accepted").isEqualTo("resolved");
        assertThat(resolved.get("open").asBoolean()).isFalse();
        assertThat(resolved.get("resolvedAt").isNull()).as("resolvedAt once the customer accepted").isFalse();
        assertThat(Instant.parse(resolved.get("resolvedAt").asString())).isAfterOrEqualTo(accepting.minusSeconds(1));
        command(ticketId, "/closure", Map.of("closedBy", "agent-7"), "closed");
        JsonNode closed = awaitTicket(ticketId, view -> view.path("status").asString().equals("closed"));
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("resolvedAt").isNull()).isFalse();
        assertThat(timelineTypes(closed)).contains("TicketReceived", "TicketRouted", "ProgressReported", "SolutionProposed",
                "SolutionAccepted", "TicketClosed");

        // The customer's archive: this one ticket, closed, as staff classified it.
        JsonNode customer = get("/api/customers/" + customerId);
        assertThat(customer.get("id").asString()).isEqualTo(customerId);
        assertThat(customer.get("name").asString()).isEqualTo("赵敏");
        assertThat(customer.get("tier").asString()).isEqualTo("member");
        assertThat(customer.get("ticketCount").asInt()).isEqualTo(1);
        assertThat(customer.get("openTickets").asInt()).isZero();
        assertThat(customer.get("complaints").asInt()).isZero();
        assertThat(customer.get("countsByType").get("problem-feedback").asInt()).isEqualTo(1);
        assertThat(customer.get("segment").get("time").asString()).isEqualTo("new");
        JsonNode summary = customer.get("tickets").get(0);
        assertThat(summary.get("id").asString()).isEqualTo(ticketId);
        assertThat(summary.get("status").asString()).isEqualTo("closed");
        assertThat(summary.get("type").asString()).isEqualTo("problem-feedback");
        assertThat(summary.get("department").asString()).isEqualTo("technical-support");

        // KPIs: one more ticket, resolved, counted under its channel, final type and department.
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode after = get("/api/kpis/summary");
            assertThat(after.get("total").asLong() - kpisBefore.get("total").asLong()).as("total").isEqualTo(1);
            assertThat(after.get("resolved").asLong() - kpisBefore.get("resolved").asLong()).as("resolved").isEqualTo(1);
            assertThat(count(after, "byChannel", "walk-in") - count(kpisBefore, "byChannel", "walk-in")).as("walk-in").isEqualTo(1);
            assertThat(count(after, "byType", "problem-feedback") - count(kpisBefore, "byType", "problem-feedback"))
                    .as("problem-feedback").isEqualTo(1);
            assertThat(count(after, "byDepartment", "technical-support") - count(kpisBefore, "byDepartment", "technical-support"))
                    .as("technical-support").isEqualTo(1);
            assertThat(count(after, "byStatus", "closed") - count(kpisBefore, "byStatus", "closed")).as("closed").isEqualTo(1);
        });
    }

    @Test
    void complaintIsOpenedAsComplaintCaseAndGetsSlaTimers() {
        String ticketId = JSON.readTree(gateway.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "phone", "customer", Map.of("name", "王芳", "phone", "+86 138 0013 8000"),
                        "description", "我要投诉：客服态度非常差，我对服务质量很不满意"))
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("ticketId").asString();

        // Complaint, followup and archive each consume the routing decision on their own, so the archive
        // may show it a moment after the others.
        await().atMost(SETTLE).untilAsserted(() -> {
            gateway.get().uri("/api/complaints/{id}", ticketId).exchange().expectStatus().isOk();
            gateway.get().uri("/api/sla/{id}", ticketId).exchange().expectStatus().isOk();
            JsonNode classification = get("/api/tickets/" + ticketId).get("classification");
            assertThat(classification).as("the archive's classification").isNotNull();
            assertThat(classification.get("type").asString()).isEqualTo("complaint");
        });
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

    private static void command(String ticketId, String path, Map<String, Object> body, String expectedState) {
        gateway.post().uri("/api/tickets/" + ticketId + path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo(expectedState);
    }

    private static JsonNode get(String path) {
        return JSON.readTree(gateway.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** The archive's ticket view once it satisfies {@code ready}. */
    private static JsonNode awaitTicket(String ticketId, Predicate<JsonNode> ready) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> {
            var result = gateway.get().uri("/api/tickets/{id}", ticketId).exchange().expectBody().returnResult();
            view[0] = result.getStatus().value() == 200 ? JSON.readTree(result.getResponseBody()) : null;
            return view[0] != null && ready.test(view[0]);
        });
        return view[0];
    }

    private static List<String> timelineTypes(JsonNode view) {
        List<String> types = new ArrayList<>();
        view.path("timeline").forEach(entry -> types.add(entry.path("type").asString()));
        return types;
    }

    private static JsonNode timelineEntry(JsonNode view, String type) {
        for (JsonNode entry : view.get("timeline")) {
            if (entry.get("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in the timeline of " + view.get("id"));
    }

    private static long count(JsonNode kpis, String dimension, String value) {
        return kpis.path(dimension).path(value).asLong(0);
    }

    /** The department systems' side: every work topic, read from the beginning. */
    private static final class WorkTopics implements AutoCloseable {

        private final KafkaConsumer<String, EventEnvelope> consumer;
        private final List<ConsumerRecord<String, EventEnvelope>> seen = new ArrayList<>();

        WorkTopics() {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "department-systems-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventEnvelopeDeserializer());
            consumer.subscribe(List.of(Topics.work(Department.AFTER_SALES), Topics.work(Department.TECHNICAL_SUPPORT)));
        }

        EventEnvelope await(String topic, String ticketId, Predicate<EventEnvelope> wanted) {
            EventEnvelope[] found = new EventEnvelope[1];
            org.awaitility.Awaitility.await().atMost(SETTLE).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                found[0] = seen.stream()
                        .filter(record -> record.topic().equals(topic) && ticketId.equals(record.key()) && wanted.test(record.value()))
                        .map(ConsumerRecord::value).findFirst().orElse(null);
                return found[0] != null;
            });
            return found[0];
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
