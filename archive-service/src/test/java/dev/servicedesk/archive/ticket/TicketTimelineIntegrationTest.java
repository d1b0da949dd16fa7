package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ArchiveIntegrationSupport;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTimelineIntegrationTest extends ArchiveIntegrationSupport {

    private final TicketEvents ticket = TicketEvents.fresh(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void ticketFromBothTopicsIsServedWithItsOrderedTimeline() {
        EventEnvelope received = ticket.received();
        EventEnvelope routed = ticket.routed();

        JsonNode view = registeredAndRouted(received, routed);

        assertThat(view.path("status").asString()).isEqualTo("routed");
        assertThat(view.path("channel").asString()).isEqualTo("phone");
        assertThat(view.path("customer").path("id").asString()).isEqualTo(ticket.customerId());
        assertThat(view.path("customer").path("name").asString()).isEqualTo("Zhang Wei");
        assertThat(view.path("product").path("batch").asString()).isEqualTo("B-2026-11");
        assertThat(view.path("description").asString()).contains("包裹破损");
        assertThat(view.path("classification").path("type").asString()).isEqualTo("after-sales");
        assertThat(view.path("classification").path("subType").asString()).isEqualTo("damaged-parcel");
        assertThat(view.path("classification").path("priority").asString()).isEqualTo("important");
        assertThat(view.path("classification").path("department").asString()).isEqualTo("after-sales");
        assertThat(view.path("classification").path("confidence").asDouble()).isEqualTo(0.92);
        assertThat(view.path("classification").path("needsReview").asBoolean()).isFalse();
        assertThat(view.path("classification").path("reasons")).hasSize(2);
        assertThat(view.path("sla").path("progressEvery").asString()).isEqualTo("PT4H");
        assertThat(Instant.parse(view.path("sla").path("firstResponseDue").asString()))
                .isEqualTo(((TicketRouted) routed.payload()).deadlines().firstResponseDue());
        JsonNode first = view.path("timeline").get(0);
        assertThat(first.path("type").asString()).isEqualTo("TicketReceived");
        assertThat(first.path("eventId").asString()).isEqualTo(received.eventId().toString());
        assertThat(first.path("producer").asString()).isEqualTo("intake-service");
        assertThat(first.path("summary").asString()).startsWith("Received by phone from Zhang Wei");
        JsonNode second = view.path("timeline").get(1);
        assertThat(second.path("type").asString()).isEqualTo("TicketRouted");
        assertThat(second.path("causationId").asString()).isEqualTo(received.eventId().toString());
    }

    @Test
    void routingDecisionArrivingBeforeTheRegistrationConvergesToTheFullView() {
        publish(Topics.TICKET_ROUTING, ticket.routed());

        JsonNode early = awaitJson("/api/tickets/" + ticket.ticketId(),
                json -> assertThat(json.path("timeline")).hasSize(1));
        assertThat(early.path("status").asString()).isEqualTo("routed");
        assertThat(early.path("customer").path("id").asString()).isEqualTo(ticket.customerId());
        assertThat(early.path("channel").isNull()).isTrue();

        publish(Topics.TICKET_EVENTS, ticket.received());

        JsonNode full = awaitJson("/api/tickets/" + ticket.ticketId(),
                json -> assertThat(json.path("timeline")).hasSize(2));
        assertThat(full.path("status").asString()).isEqualTo("routed");
        assertThat(full.path("channel").asString()).isEqualTo("phone");
        assertThat(full.path("classification").path("department").asString()).isEqualTo("after-sales");
        assertThat(full.path("timeline").get(0).path("type").asString()).isEqualTo("TicketReceived");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        publish(Topics.TICKET_EVENTS, ticket.received());
        publish(Topics.TICKET_ROUTING, ticket.routed());
        JsonNode before = awaitJson("/api/tickets/" + ticket.ticketId(),
                json -> assertThat(json.path("timeline")).hasSize(2));

        publish(Topics.TICKET_ROUTING, ticket.routed());
        publish(Topics.TICKET_EVENTS, ticket.received(), ticket.received());
        awaitCaughtUp();

        assertThat(get("/api/tickets/" + ticket.ticketId())).isEqualTo(before);
    }

    @Test
    void timelineStoresEventAndCausationIdsAsSixteenByteUuidsAndServesThemAsStrings() {
        EventEnvelope received = ticket.received();
        EventEnvelope routed = ticket.routed();
        JsonNode view = registeredAndRouted(received, routed);

        List<Document> timeline = storedTimeline();
        // binary UUIDs, which the driver hands back as UUID objects
        assertThat(timeline).allSatisfy(entry -> assertThat(entry.get("eventId")).isInstanceOf(UUID.class));
        assertThat(timeline.get(1).get("causationId")).isEqualTo(received.eventId());
        assertThat(view.path("timeline").get(0).path("eventId").asString()).isEqualTo(received.eventId().toString());
        assertThat(view.path("timeline").get(1).path("eventId").asString()).isEqualTo(routed.eventId().toString());
        assertThat(view.path("timeline").get(1).path("causationId").asString()).isEqualTo(received.eventId().toString());
    }

    @Test
    void ticketStoredWithIdsAsStringsIsServedAlikeAndARedeliveryChangesNothing() {
        EventEnvelope received = ticket.received();
        JsonNode before = registeredAndRouted(received, ticket.routed());
        // the form of an earlier version: every id a string
        List<Document> asStrings = storedTimeline().stream().map(entry -> {
            Document old = new Document(entry);
            old.put("eventId", entry.get("eventId").toString());
            if (entry.containsKey("causationId")) {
                old.put("causationId", entry.get("causationId").toString());
            }
            return old;
        }).toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.ticketId())), Update.update("timeline", asStrings),
                TicketDocument.COLLECTION).block(Duration.ofSeconds(10));
        assertThat(storedTimeline().get(0).get("eventId")).isInstanceOf(String.class);

        assertThat(get("/api/tickets/" + ticket.ticketId())).isEqualTo(before);
        publish(Topics.TICKET_EVENTS, received);
        awaitCaughtUp();

        assertThat(get("/api/tickets/" + ticket.ticketId())).isEqualTo(before);
    }

    /** Publishes the registration and its routing decision, and returns the view once it shows both. */
    private JsonNode registeredAndRouted(EventEnvelope received, EventEnvelope routed) {
        publish(Topics.TICKET_EVENTS, received);
        publish(Topics.TICKET_ROUTING, routed);
        return awaitJson("/api/tickets/" + ticket.ticketId(), json -> assertThat(json.path("timeline")).hasSize(2));
    }

    private List<Document> storedTimeline() {
        return mongo.findById(ticket.ticketId(), Document.class, TicketDocument.COLLECTION).block(Duration.ofSeconds(10))
                .getList("timeline", Document.class);
    }

    @Test
    void lifecycleEventsJoinTheTimelineAndMoveTheStatus() {
        publish(Topics.TICKET_EVENTS, ticket.received());
        publish(Topics.TICKET_ROUTING, ticket.routed());
        publish(Topics.TICKET_EVENTS,
                ticket.later(new ProgressReported(Department.AFTER_SALES, "warehouse", "replacement packed"), Duration.ofHours(1)),
                ticket.later(new SolutionProposed("agent-7", "broken in transit", "a new phone", "tracking by sms", Channel.EMAIL), Duration.ofHours(2)),
                ticket.later(new SolutionAccepted("thanks"), Duration.ofHours(3)));

        JsonNode view = awaitJson("/api/tickets/" + ticket.ticketId(),
                json -> assertThat(json.path("timeline")).hasSize(5));

        assertThat(view.path("status").asString()).isEqualTo("resolved");
        assertThat(view.path("open").asBoolean()).isFalse();
        assertThat(view.path("resolvedAt").isNull()).isFalse();
        assertThat(view.path("timeline").get(2).path("summary").asString()).isEqualTo("Progress from warehouse: replacement packed");
        assertThat(view.path("timeline").get(4).path("summary").asString()).isEqualTo("Solution accepted");
    }

    @Test
    void eventsFromEveryTicketTopicJoinTheTimeline() {
        EventEnvelope routed = ticket.routed(TicketType.COMPLAINT, "formal-complaint", Department.COMPLAINT_DESK, 1, 0.95, false);
        EventEnvelope alert = ticket.received().causes("routing-service", Instant.now(), new SupervisorAlerted(
                ticket.customerId(), List.of("complaint"), TicketType.COMPLAINT, "formal-complaint", Priority.IMPORTANT,
                ComplaintGrade.SPECIAL, Department.COMPLAINT_DESK, "要投诉", List.of("keyword: 投诉")));
        EventEnvelope work = ticket.received().causes("routing-service", Instant.now(), new WorkItemAssigned(
                Department.COMPLAINT_DESK, "desk-1", null, Channel.PHONE, null, null, "要投诉", null, List.of(),
                TicketType.COMPLAINT, "formal-complaint", Priority.IMPORTANT, ComplaintGrade.SPECIAL, null, List.of(), 1));
        publish(Topics.TICKET_EVENTS, ticket.received());
        publish(Topics.TICKET_ROUTING, routed);
        publish(Topics.SUPERVISOR_ALERTS, alert);
        publish(Topics.work(Department.COMPLAINT_DESK), work);

        JsonNode view = awaitJson("/api/tickets/" + ticket.ticketId(),
                json -> assertThat(json.path("timeline")).hasSize(4));

        assertThat(view.path("escalated").asBoolean()).isTrue();
        assertThat(view.path("complaintGrade").asString()).isEqualTo("general");
        assertThat(view.path("timeline")).extracting(entry -> entry.path("type").asString())
                .contains("SupervisorAlerted", "WorkItemAssigned");
    }

    @Test
    void unknownTicketIsNotFoundAsProblemDetails() {
        web.get().uri("/api/tickets/T-never-seen").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.ticketId").isEqualTo("T-never-seen");
    }

    @Test
    void listingFiltersByCustomerAndStatusMostRecentFirst() {
        TicketEvents second = new TicketEvents(ticket.ticketId() + "-2", ticket.customerId(), Instant.now().plusSeconds(5));
        publish(Topics.TICKET_EVENTS, ticket.received(), second.received());
        publish(Topics.TICKET_ROUTING, ticket.routed());

        awaitJson("/api/tickets?customerId=" + ticket.customerId(), json -> {
            assertThat(json).hasSize(2);
            assertThat(json.get(0).path("id").asString()).isEqualTo(second.ticketId());
            assertThat(json.get(1).path("status").asString()).isEqualTo("routed");
        });
        JsonNode received = get("/api/tickets?customerId=" + ticket.customerId() + "&status=received");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("id").asString()).isEqualTo(second.ticketId());
        assertThat(received.get(0).path("subject").asString()).contains("screen is cracked");
        assertThat(get("/api/tickets?customerId=" + ticket.customerId() + "&limit=1")).hasSize(1);
    }

    @Test
    void listingLimitOutsideItsBoundsIsABadRequest() {
        web.get().uri("/api/tickets?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        web.get().uri("/api/tickets?limit=101").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/tickets?limit=many").exchange().expectStatus().isBadRequest();
    }

    @Test
    void latestTicketsListShowsTheNewestFirstAndMovesATicketBetweenStatusLists() {
        TicketEvents newer = TicketEvents.fresh(Instant.now().plusSeconds(60));
        publish(Topics.TICKET_EVENTS, ticket.received(), newer.received());
        publish(Topics.TICKET_ROUTING, ticket.routed());

        awaitJson("/api/tickets?limit=100", json -> assertThat(json.findValuesAsString("id"))
                .containsSubsequence(newer.ticketId(), ticket.ticketId()));
        awaitJson("/api/tickets?status=routed&limit=100",
                json -> assertThat(json.findValuesAsString("id")).contains(ticket.ticketId()).doesNotContain(newer.ticketId()));

        publish(Topics.TICKET_EVENTS, ticket.later(new ProgressReported(Department.AFTER_SALES, "warehouse", "packed"), Duration.ofMinutes(90)));

        awaitJson("/api/tickets?status=in-progress&limit=100",
                json -> assertThat(json.findValuesAsString("id")).contains(ticket.ticketId()));
        assertThat(get("/api/tickets?status=routed&limit=100").findValuesAsString("id")).doesNotContain(ticket.ticketId());
    }

    @Test
    void listingAnUnknownStatusIsABadRequestNamingTheField() {
        web.get().uri("/api/tickets?status=lost").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }
}
