package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LifecycleIntegrationTest extends IntakeIntegrationSupport {

    @LocalServerPort
    int port;

    private String receivedTicket() {
        String ticketId = register(form("洗衣机不脱水 washing machine does not spin"));
        awaitRecord(ticketId, r -> assertThat(r.get("state").asString()).isEqualTo("received"));
        return ticketId;
    }

    private String command(String ticketId, String path, Object body, String expectedState) {
        JsonNode result = json(post("/api/tickets/" + ticketId + path, body, null).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody());
        assertThat(result.get("state").asString()).as(path).isEqualTo(expectedState);
        return result.get("eventId").asString();
    }

    @Test
    void ticketGoesThroughItsWholeLifeAndEveryCustomerContactIsLogged() {
        String id = receivedTicket();

        command(id, "/progress", Map.of("department", "after-sales", "reportedBy", "as-team", "summary", "已安排上门"), "in-progress");
        command(id, "/information-requests", Map.of("agentId", "agent-7", "requested", "请提供视频 a video please", "via", "app"), "awaiting-customer");
        command(id, "/information", Map.of("details", "视频已上传", "attachments", List.of("https://files.example/v.mp4")), "in-progress");
        command(id, "/solution", Map.of("proposedBy", "agent-7", "result", "电机损坏", "solution", "免费更换电机", "nextSteps", "留意异响"), "solution-proposed");
        command(id, "/solution/rejection", Map.of("reason", "想要换新机 want a new machine"), "in-progress");
        command(id, "/solution", Map.of("proposedBy", "agent-7", "result", "电机损坏", "solution", "换新机 replace the machine"), "solution-proposed");
        command(id, "/solution/acceptance", Map.of(), "resolved");
        command(id, "/closure", Map.of("closedBy", "agent-7"), "closed");
        command(id, "/reopening", Map.of("reopenedBy", "followup-service", "reason", "新机也不脱水"), "in-progress");
        command(id, "/contacts", Map.of("agentId", "agent-7", "channel", "phone", "inbound", false, "summary", "致电说明进度"), "in-progress");

        JsonNode record = awaitRecord(id, r -> assertThat(r.get("version").asLong()).isEqualTo(11));
        assertThat(record.get("state").asString()).isEqualTo("in-progress");
        assertThat(record.get("lastRejectionReason").asString()).isEqualTo("想要换新机 want a new machine");
        assertThat(record.get("solution").get("solution").asString()).isEqualTo("换新机 replace the machine");
        assertThat(record.get("contacts").findValuesAsString("kind")).containsExactly("TicketReceived",
                "InformationRequested", "InformationSupplied", "SolutionProposed", "SolutionRejected",
                "SolutionProposed", "SolutionAccepted", "CustomerContacted");
        List<EventEnvelope> events = eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(id), 11).get(id);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TicketReceived", "ProgressReported",
                "InformationRequested", "InformationSupplied", "SolutionProposed", "SolutionRejected",
                "SolutionProposed", "SolutionAccepted", "TicketClosed", "TicketReopened", "CustomerContacted");
    }

    @Test
    void concurrentCommandsOnOneTicketPublishOnlyTheOneItsStateAllows() {
        String id = receivedTicket();
        command(id, "/solution", Map.of("proposedBy", "agent-7", "result", "r", "solution", "换新 replace it"), "solution-proposed");
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(Role.AGENT)).build();

        // Accepting and rejecting the one proposal at once: whichever comes first, the rest are illegal.
        List<Integer> statuses = Flux.range(0, 8)
                .flatMap(i -> client.post().uri("/api/tickets/{id}/solution/{verdict}", id, i % 2 == 0 ? "acceptance" : "rejection")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(i % 2 == 0 ? Map.of("note", "ok " + i) : Map.of("reason", "no " + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .subscribeOn(Schedulers.parallel()), 8)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).as("one command carried out, the others refused").containsOnlyOnce(202).containsOnly(202, 409);
        List<String> types = eventsOnTheBrokerNow(bootstrapServers(), Topics.TICKET_EVENTS, id).stream().map(EventEnvelope::type).toList();
        assertThat(types).hasSize(3).startsWith("TicketReceived", "SolutionProposed");
        assertThat(types.get(2)).isIn("SolutionAccepted", "SolutionRejected");
    }

    @Test
    void illegalTransitionAnswers409WithTheCurrentState() {
        String id = receivedTicket();

        JsonNode problem = json(post("/api/tickets/" + id + "/closure", Map.of("closedBy", "agent-7"), null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());

        assertThat(problem.get("currentState").asString()).isEqualTo("received");
        JsonNode record = awaitMarkerBehind(id);
        assertThat(record.get("history").findValuesAsString("type")).containsExactly("TicketReceived", "CustomerContacted");
        assertThat(record.get("state").asString()).isEqualTo("received");
    }

    @Test
    void commandRepeatedWithTheSameKeyChangesNothing() {
        String id = receivedTicket();
        command(id, "/solution", Map.of("proposedBy", "agent-7", "result", "r", "solution", "s"), "solution-proposed");
        String key = UUID.randomUUID().toString();

        JsonNode first = json(post("/api/tickets/" + id + "/solution/acceptance", Map.of("note", "ok"), key)
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody());
        JsonNode again = json(post("/api/tickets/" + id + "/solution/acceptance", Map.of("note", "ok"), key)
                .expectStatus().isAccepted().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody());

        assertThat(again.get("eventId").asString()).isEqualTo(first.get("eventId").asString());
        assertThat(again.get("state").asString()).isEqualTo("resolved");
        post("/api/tickets/" + id + "/solution/acceptance", Map.of("note", "changed my mind"), key)
                .expectStatus().isEqualTo(422);
        // The listener applies the commands' events again later; the marker says it has.
        JsonNode record = awaitMarkerBehind(id);
        assertThat(record.get("history").findValuesAsString("type"))
                .containsExactly("TicketReceived", "SolutionProposed", "SolutionAccepted", "CustomerContacted");
        assertThat(record.get("version").asLong()).isEqualTo(4);
        assertThat(eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(id), 4).get(id))
                .extracting(EventEnvelope::type).containsExactly("TicketReceived", "SolutionProposed", "SolutionAccepted",
                        "CustomerContacted");
    }

    @Test
    void invalidCommandsAndUnknownTicketsAreClientErrors() {
        String id = receivedTicket();

        JsonNode problem = json(post("/api/tickets/" + id + "/solution", Map.of("proposedBy", "agent-7"), null)
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("result", "solution");
        post("/api/tickets/" + id + "/contacts", Map.of("agentId", "a", "channel", "fax", "summary", "x"), null)
                .expectStatus().isBadRequest();
        post("/api/tickets/T-doesnotexist0000/progress", Map.of("reportedBy", "x", "summary", "y"), null)
                .expectStatus().isNotFound();
    }

    @Test
    void departmentResultsAreCheckedRepublishedOnceAndIllegalOnesDeadLettered() throws Exception {
        String id = receivedTicket();
        EventEnvelope progress = EventEnvelope.first(UUID.randomUUID(), id, "after-sales-system", id, Instant.now(),
                new ProgressReported(Department.AFTER_SALES, "after-sales-system", "配件已寄出 part shipped"));
        EventEnvelope illegal = EventEnvelope.first(UUID.randomUUID(), id, "after-sales-system", id, Instant.now(),
                new SolutionAccepted("not the department's to say"));

        // A legal result behind the others: once it is on the record, the ones before it were all handled.
        EventEnvelope marker = EventEnvelope.first(UUID.randomUUID(), id, "after-sales-system", id, Instant.now(),
                new CustomerContacted("after-sales-system", Channel.PHONE, false, "marker"));

        try (KafkaProducer<String, EventEnvelope> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.DEPARTMENT_RESULTS, id, progress)).get();
            producer.send(new ProducerRecord<>(Topics.DEPARTMENT_RESULTS, id, progress)).get();
            producer.send(new ProducerRecord<>(Topics.DEPARTMENT_RESULTS, id, illegal)).get();
            producer.send(new ProducerRecord<>(Topics.DEPARTMENT_RESULTS, id, marker)).get();
        }

        JsonNode record = awaitRecord(id, r -> assertThat(r.get("history").findValuesAsString("type")).contains("CustomerContacted"));
        assertThat(record.get("state").asString()).isEqualTo("in-progress");
        assertThat(record.get("history").findValuesAsString("type"))
                .containsExactly("TicketReceived", "ProgressReported", "CustomerContacted");
        List<EventEnvelope> events = eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(id), 3).get(id);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TicketReceived", "ProgressReported", "CustomerContacted");
        assertThat(events.get(1).causationId()).isEqualTo(progress.eventId().toString());
        assertThat(events.get(1).producer()).isEqualTo("intake-service");
        ConsumerRecord<String, byte[]> dead = deadLetterFor(id);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("SolutionAccepted", "in-progress");
    }

    @Test
    void routingDecisionGivesTheTicketItsPromisedCallbackTime() throws Exception {
        String id = receivedTicket();
        Instant callBy = Instant.parse("2026-11-23T10:00:00Z");
        EventEnvelope routed = EventEnvelope.first(UUID.randomUUID(), id, "routing-service", id, Instant.now(),
                new TicketRouted("c-1", TicketType.AFTER_SALES, "repair", Priority.IMPORTANT, Department.AFTER_SALES,
                        "after-sales", 0.9, false, List.of("keyword 不脱水"),
                        new SlaDeadlines(callBy, callBy.plusSeconds(86_400), Duration.ofHours(4)), null));

        try (KafkaProducer<String, EventEnvelope> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.TICKET_ROUTING, id, routed)).get();
        }

        JsonNode record = awaitRecord(id, r -> assertThat(r.hasNonNull("promisedCallbackBy")).isTrue());
        assertThat(Instant.parse(record.get("promisedCallbackBy").asString())).isEqualTo(callBy);
        assertThat(record.get("department").asString()).isEqualTo("after-sales");
        assertThat(record.get("progressEveryMinutes").asLong()).isEqualTo(240);
    }

    private static KafkaProducer<String, EventEnvelope> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventEnvelopeSerializer());
    }

    private static ConsumerRecord<String, byte[]> deadLetterFor(String ticketId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.DEPARTMENT_RESULTS)));
            ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ticketId.equals(record.key())) {
                        found[0] = record;
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }
}
