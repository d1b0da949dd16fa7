package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIntegrationTest extends IntakeIntegrationSupport {

    @Test
    void acceptedTicketIsAlreadyOnTheBrokerWithTheWholeForm() {
        var result = post("/api/tickets", form("水壶漏电，插头冒烟 The kettle sparks"), null)
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/tickets/T-[0-9a-z]{16}")
                .expectBody().returnResult();
        JsonNode body = json(result.getResponseBody());
        String ticketId = body.get("ticketId").asString();

        assertThat(body.get("status").asString()).isEqualTo("received");
        assertThat(body.get("links").get("ticket").asString()).isEqualTo("/api/tickets/" + ticketId);
        // "Already": read only what the broker held when the 202 arrived, not whatever comes later.
        List<EventEnvelope> events = eventsOnTheBrokerNow(bootstrapServers(), Topics.TICKET_EVENTS, ticketId);
        assertThat(events).as("events of %s on the broker when the 202 arrived", ticketId).hasSize(1);
        EventEnvelope envelope = events.get(0);
        assertThat(envelope.type()).isEqualTo("TicketReceived");
        assertThat(envelope.producer()).isEqualTo("intake-service");
        TicketReceived received = (TicketReceived) envelope.payload();
        assertThat(received.description()).isEqualTo("水壶漏电，插头冒烟 The kettle sparks");
        assertThat(received.channel()).isEqualTo(Channel.PHONE);
        assertThat(received.customer().tier()).isEqualTo(CustomerTier.MEMBER);
        assertThat(received.customer().customerId()).isEqualTo(body.get("customerId").asString());
        assertThat(received.product().batch()).isEqualTo("B-7");
        assertThat(received.attachments()).containsExactly("https://files.example/receipt.jpg");
    }

    @Test
    void urgentRequestIsAcknowledgedAtOnceAndFlaggedForRouting() {
        JsonNode body = json(post("/api/tickets", form("我的账号无法登录，怀疑被盗 cannot log in"), null)
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody());

        assertThat(body.get("urgent").asBoolean()).isTrue();
        assertThat(body.get("acknowledgement").asString()).contains("urgent");
        String ticketId = body.get("ticketId").asString();
        TicketReceived received = (TicketReceived) eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(ticketId), 1)
                .get(ticketId).get(0).payload();
        assertThat(received.urgentSignal()).isTrue();
        JsonNode record = awaitRecord(ticketId, r -> assertThat(r.get("state").asString()).isEqualTo("received"));
        assertThat(record.get("urgent").asBoolean()).isTrue();
        assertThat(record.get("contacts")).hasSize(2);
    }

    @Test
    void invalidFormIsRefusedWithProblemDetailsNamingEveryField() {
        Map<String, Object> form = form(" ");
        form.put("channel", "carrier-pigeon");
        form.put("customer", Map.of("email", "nope", "phone", "12"));
        form.put("occurredAt", "2999-01-01T00:00:00Z");

        JsonNode problem = json(post("/api/tickets", form, null)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("channel", "customer.phone", "customer.email", "description", "occurredAt");
    }

    @Test
    void malformedJsonWrongContentTypeAndOversizedBodyAreClientErrors() {
        web.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"channel\": \"phone\",")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/tickets").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange().expectStatus().isEqualTo(415);
        Map<String, Object> huge = form("x".repeat(200_000));
        post("/api/tickets", huge, null).expectStatus().isEqualTo(413);
    }

    @Test
    void healthReportsBrokerAndDatabase() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    @Test
    void acceptedTicketIsProjectedIntoIntakesRecordWithoutTheFormOrTheCustomersDetails() {
        String ticketId = register(form("发票抬头错了 wrong invoice title"));

        JsonNode record = awaitRecord(ticketId, r -> assertThat(r.get("state").asString()).isEqualTo("received"));

        assertThat(record.get("customerId").asString()).isNotBlank();
        assertThat(record.get("channel").asString()).isEqualTo("phone");
        assertThat(record.has("description")).isFalse();
        assertThat(record.has("customer")).isFalse();
        assertThat(record.toString()).doesNotContain("发票抬头错了", "张伟", "zhang.wei@example.com");
        assertThat(record.get("contacts").get(0).get("inbound").asBoolean()).isTrue();
        assertThat(record.get("version").asLong()).isEqualTo(1);
    }
}
