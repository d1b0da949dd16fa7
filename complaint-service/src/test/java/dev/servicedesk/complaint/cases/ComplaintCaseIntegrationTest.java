package dev.servicedesk.complaint.cases;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.complaint.ComplaintApplication;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.testsupport.TestEventProducer;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@SpringBootTest(classes = ComplaintApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=complaint-service")
class ComplaintCaseIntegrationTest {

    private static TestEventProducer producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("complaint"));
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

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LatestComplaints latestComplaints;

    @Test
    void specialComplaintOpensCaseWithItsGradeAndRedeliveryIsHarmless() {
        String ticketId = "T-CMP-" + UUID.randomUUID();
        EventEnvelope routed = routed(ticketId, TicketType.COMPLAINT, ComplaintGrade.SPECIAL);
        int partition = send(routed);
        send(routed);
        // a later ticket on the same partition proves both deliveries were handled before we count
        String laterTicket = ticketId + "-later";
        producer.send(Topics.TICKET_ROUTING, partition, routed(laterTicket, TicketType.COMPLAINT, ComplaintGrade.GENERAL));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                client().get().uri("/api/complaints/{id}", laterTicket).exchange().expectStatus().isOk());
        client().get().uri("/api/complaints/{id}", ticketId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.grade").isEqualTo("special")
                .jsonPath("$.status").isEqualTo("registered")
                .jsonPath("$.customerId").isEqualTo("C-42");
    }

    @Test
    void ticketsOfOtherTypesOpenNoCase() {
        String ticketId = "T-CMP-" + UUID.randomUUID();
        int partition = send(routed(ticketId, TicketType.CONSULTATION, null));
        String complaint = ticketId + "-complaint";
        producer.send(Topics.TICKET_ROUTING, partition, routed(complaint, TicketType.COMPLAINT, ComplaintGrade.GENERAL));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                client().get().uri("/api/complaints/{id}", complaint).exchange().expectStatus().isOk());
        client().get().uri("/api/complaints/{id}", ticketId).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void latestListShowsTheNewestCasesFirstAndARedeliveredCaseOnce() {
        String prefix = "T-LATEST-" + UUID.randomUUID();
        EventEnvelope oldest = routed(prefix + "-a", Instant.parse("2030-01-01T08:00:00Z"));
        EventEnvelope newest = routed(prefix + "-b", Instant.parse("2030-01-01T10:00:00Z"));
        EventEnvelope middle = routed(prefix + "-c", Instant.parse("2030-01-01T09:00:00Z"));
        int partition = send(oldest);
        producer.send(Topics.TICKET_ROUTING, partition, newest);
        producer.send(Topics.TICKET_ROUTING, partition, middle);
        producer.send(Topics.TICKET_ROUTING, partition, oldest);
        String last = prefix + "-last";
        producer.send(Topics.TICKET_ROUTING, partition, routed(last, Instant.parse("2020-01-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                client().get().uri("/api/complaints/{id}", last).exchange().expectStatus().isOk());

        List<Map<String, Object>> listed = latestList(LatestComplaints.KEPT);
        List<Object> ours = listed.stream().map(entry -> entry.get("ticketId"))
                .filter(id -> ((String) id).startsWith(prefix) && !id.equals(last)).toList();
        assertThat(ours).containsExactly(prefix + "-b", prefix + "-c", prefix + "-a");
        assertThat(listed).filteredOn(entry -> entry.get("ticketId").equals(prefix + "-a")).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("grade", "general")
                        .containsEntry("openedAt", "2030-01-01T08:00:00Z").containsEntry("customerId", "C-42"));
        assertThat(latestList(2)).hasSize(2);
    }

    @Test
    void casesOpenedBeforeTheListExistedAreListedWhenItIsBuilt() {
        String ticketId = "T-BEFORE-" + UUID.randomUUID();
        mongo.insert(new ComplaintCase(ticketId, "C-7", "service-quality", ComplaintGrade.SPECIAL, ComplaintStatus.REGISTERED,
                Instant.parse("2031-01-01T00:00:00Z"), UUID.randomUUID().toString())).block();
        mongo.updateFirst(query(where("_id").is("latest")), new Update().unset("builtFromCases"), LatestComplaints.COLLECTION).block();

        assertThat(latestList(LatestComplaints.KEPT)).noneMatch(entry -> entry.get("ticketId").equals(ticketId));

        latestComplaints.addCasesOpenedBefore().block();

        assertThat(latestList(LatestComplaints.KEPT)).filteredOn(entry -> entry.get("ticketId").equals(ticketId)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("grade", "special"));
    }

    private List<Map<String, Object>> latestList(int limit) {
        return client().get().uri("/api/complaints?limit={limit}", limit).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();
    }

    private static EventEnvelope routed(String ticketId, TicketType type, ComplaintGrade grade) {
        TicketRouted payload = new TicketRouted("C-42", type, type == TicketType.COMPLAINT ? "service-quality" : "usage",
                Priority.IMPORTANT, type == TicketType.COMPLAINT ? Department.COMPLAINT_DESK : Department.PRODUCT_OPERATIONS,
                "owner", 0.9, false, List.of("test"), null, grade);
        return EventEnvelope.first(UUID.nameUUIDFromBytes(ticketId.getBytes()), ticketId, "routing-service", ticketId,
                Instant.parse("2026-11-23T02:00:00Z"), payload);
    }

    private static EventEnvelope routed(String ticketId, Instant occurredAt) {
        EventEnvelope routed = routed(ticketId, TicketType.COMPLAINT, ComplaintGrade.GENERAL);
        return EventEnvelope.first(routed.eventId(), ticketId, "routing-service", ticketId, occurredAt, routed.payload());
    }

    private static int send(EventEnvelope envelope) {
        return producer.send(Topics.TICKET_ROUTING, envelope);
    }
}
