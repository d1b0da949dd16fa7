package dev.servicedesk.routing.reclassification;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.TokenRequest;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReclassificationIntegrationTest extends RoutingIntegrationSupport {

    private static final List<String> TOPICS = List.of(Topics.TICKET_ROUTING, Topics.SUPERVISOR_ALERTS,
            Topics.work(Department.TECHNICAL_SUPPORT), Topics.work(Department.COMPLAINT_DESK));

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void staffCorrectionReroutesTellsTheOldDepartmentAndIsKeptAsALabelledExample() {
        String ticketId = Tickets.newTicketId();
        try (TopicProbe probe = new TopicProbe(bootstrap(), TOPICS)) {
            EventEnvelope received = Tickets.received(ticketId, "请问这款手机支持无线充电吗？");
            probe.send(Topics.TICKET_EVENTS, received);
            probe.awaitRecord(record -> record.key().equals(ticketId) && record.value().payload() instanceof TicketRouted);
            web.get().uri("/api/tickets/{id}/classification", ticketId).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("consultation")
                    .jsonPath("$.department").isEqualTo("technical-support")
                    .jsonPath("$.classifiedBy").isEqualTo("classifier");

            // The staff member is the token's subject; the body's staffId claims someone else and is ignored.
            web.post().uri("/api/tickets/{id}/classification", ticketId).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.mint(
                            TokenRequest.of("supervisor-7", Role.SUPERVISOR, Duration.ofMinutes(10))))
                    .bodyValue(Map.of("type", "complaint", "subType", "service-quality", "special", true,
                            "staffId", "someone-else", "note", "customer complained about the agent on the phone"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.revision").isEqualTo(2)
                    .jsonPath("$.type").isEqualTo("complaint")
                    .jsonPath("$.subType").isEqualTo("service-quality")
                    .jsonPath("$.department").isEqualTo("complaint-desk")
                    .jsonPath("$.complaintGrade").isEqualTo("special")
                    .jsonPath("$.needsReview").isEqualTo(false)
                    .jsonPath("$.classifiedBy").isEqualTo("supervisor-7")
                    .jsonPath("$.deadlines.firstResponseDue").exists();

            probe.awaitRecord(record -> record.key().equals(ticketId)
                    && record.value().payload() instanceof WorkItemAssigned item && item.revision() == 2);
            List<ConsumerRecord<String, EventEnvelope>> seen = probe.awaitRecord(record -> record.key().equals(ticketId)
                    && record.value().payload() instanceof SupervisorAlerted);

            TicketReclassified correction = payload(seen, ticketId, TicketReclassified.class);
            assertThat(correction.previousType()).isEqualTo(TicketType.CONSULTATION);
            assertThat(correction.type()).isEqualTo(TicketType.COMPLAINT);
            assertThat(correction.staffId()).isEqualTo("supervisor-7");
            TicketRouted rerouted = seen.stream().filter(record -> record.key().equals(ticketId))
                    .map(record -> record.value().payload())
                    .filter(payload -> payload instanceof TicketRouted routed && routed.revision() == 2)
                    .map(TicketRouted.class::cast).findFirst().orElseThrow();
            assertThat(rerouted.complaintGrade()).isEqualTo(ComplaintGrade.SPECIAL);
            assertThat(rerouted.reasons()).contains("special by staff decision");
            ConsumerRecord<String, EventEnvelope> withdrawn = seen.stream()
                    .filter(record -> record.key().equals(ticketId) && record.value().payload() instanceof WorkItemWithdrawn)
                    .findFirst().orElseThrow();
            assertThat(withdrawn.topic()).isEqualTo("work.technical-support");
            assertThat(((WorkItemWithdrawn) withdrawn.value().payload()).reassignedTo()).isEqualTo(Department.COMPLAINT_DESK);
            assertThat(seen).filteredOn(record -> record.key().equals(ticketId) && record.value().payload() instanceof WorkItemAssigned
                            && ((WorkItemAssigned) record.value().payload()).revision() == 2)
                    .singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("work.complaint-desk"));

            Document example = mongo.findOne(Query.query(Criteria.where("ticketId").is(ticketId)), Document.class, "labelled_examples")
                    .block(Duration.ofSeconds(5));
            assertThat(example).isNotNull();
            assertThat(example.getString("type")).isEqualTo("complaint");
            assertThat(example.getString("classifierType")).isEqualTo("consultation");
            assertThat(example.getString("text")).contains("无线充电");
        }
    }

    @Test
    void correctionWhoseExampleFailedIsCompletedByARetryWithoutRoutingTheTicketAgain() {
        String ticketId = Tickets.newTicketId();
        String staffId = "agent-" + UUID.randomUUID();
        String staffToken = "Bearer " + TestTokens.mint(TokenRequest.of(staffId, Role.SUPERVISOR, Duration.ofMinutes(10)));
        Map<String, Object> correction = Map.of("type", "complaint", "subType", "service-quality",
                "staffId", staffId, "note", "rude agent");
        try (TopicProbe probe = new TopicProbe(bootstrap(), TOPICS)) {
            probe.send(Topics.TICKET_EVENTS, Tickets.received(ticketId, "请问这款手机支持无线充电吗？"));
            probe.awaitRecord(record -> record.key().equals(ticketId) && record.value().payload() instanceof TicketRouted);

            // The example's write fails after the re-routing took effect: a unique index it would break.
            String blocker = "example-blocker-" + UUID.randomUUID();
            mongo.indexOps(LabelledExamples.COLLECTION).createIndex(new Index().on("ticketId", Sort.Direction.ASC)
                    .on("staffId", Sort.Direction.ASC).unique().named(blocker)).block(Duration.ofSeconds(5));
            mongo.insert(new Document("_id", blocker).append("ticketId", ticketId).append("staffId", staffId),
                    LabelledExamples.COLLECTION).block(Duration.ofSeconds(5));
            try {
                web.post().uri("/api/tickets/{id}/classification", ticketId).contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, staffToken)
                        .bodyValue(correction).exchange()
                        .expectStatus().is5xxServerError();
            } finally {
                mongo.remove(Query.query(Criteria.where("_id").is(blocker)), LabelledExamples.COLLECTION).block(Duration.ofSeconds(5));
                mongo.indexOps(LabelledExamples.COLLECTION).dropIndex(blocker).block(Duration.ofSeconds(5));
            }
            assertThat(examples(ticketId)).as("no example yet").isEmpty();

            web.post().uri("/api/tickets/{id}/classification", ticketId).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, staffToken)
                    .bodyValue(correction).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.revision").isEqualTo(2).jsonPath("$.type").isEqualTo("complaint");

            web.get().uri("/api/tickets/{id}/classification", ticketId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.revision").isEqualTo(2); // routed once, by the first attempt
            assertThat(examples(ticketId)).singleElement().satisfies(example -> {
                assertThat(example.getString("_id")).isEqualTo(ticketId + "#2");
                assertThat(example.getString("classifierType")).isEqualTo("consultation");
                assertThat(example.getString("type")).isEqualTo("complaint");
                assertThat(example.getString("staffId")).isEqualTo(staffId);
            });
        }
    }

    private List<Document> examples(String ticketId) {
        return mongo.find(Query.query(Criteria.where("ticketId").is(ticketId)), Document.class, LabelledExamples.COLLECTION)
                .collectList().block(Duration.ofSeconds(5));
    }

    @Test
    void subTypeOfAnotherTypeAndUnknownTypeAreRejectedAsProblemsAndNoStaffIdIsNeeded() {
        web.post().uri("/api/tickets/{id}/classification", "T-anything").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "consultation", "subType", "refund", "staffId", "agent-7"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/subType");

        // The token names the staff member, so a body without staffId is valid (this ticket was never routed).
        web.post().uri("/api/tickets/{id}/classification", "T-anything").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "consultation", "subType", "usage"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        web.post().uri("/api/tickets/{id}/classification", "T-anything").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "gossip", "subType", "usage", "staffId", "agent-7"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void unknownTicketIsNotFound() {
        web.post().uri("/api/tickets/{id}/classification", "T-never-seen").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "consultation", "subType", "usage", "staffId", "agent-7"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static <T> T payload(List<ConsumerRecord<String, EventEnvelope>> records, String ticketId, Class<T> type) {
        return records.stream()
                .filter(record -> record.key().equals(ticketId) && type.isInstance(record.value().payload()))
                .map(record -> type.cast(record.value().payload()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + ticketId));
    }
}
