package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.ArchiveIntegrationSupport;
import dev.servicedesk.archive.ticket.TicketEvents;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerArchiveIntegrationTest extends ArchiveIntegrationSupport {

    @Test
    void customerArchiveGathersEveryTicketOfTheCustomer() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TicketEvents first = TicketEvents.fresh(now.minusSeconds(3600));
        TicketEvents second = new TicketEvents(first.ticketId() + "-b", first.customerId(), now);
        publish(Topics.TICKET_EVENTS, first.received(), second.received(Channel.CHAT, "客服态度很差，我要投诉"));
        publish(Topics.TICKET_ROUTING, first.routed(),
                second.routed(TicketType.COMPLAINT, "service-attitude", Department.COMPLAINT_DESK, 1, 0.88, false));

        JsonNode customer = awaitJson("/api/customers/" + first.customerId(), json -> {
            assertThat(json.path("ticketCount").asInt()).isEqualTo(2);
            assertThat(json.path("countsByType").path("complaint").asInt()).isEqualTo(1);
            assertThat(json.path("countsByType").path("after-sales").asInt()).isEqualTo(1);
            assertThat(json.path("tickets")).allSatisfy(ticket -> assertThat(ticket.path("channel").isString()).isTrue());
        });

        assertThat(customer.path("name").asString()).isEqualTo("Zhang Wei");
        assertThat(customer.path("email").asString()).isEqualTo("zhang.wei@example.com");
        assertThat(customer.path("tier").asString()).isEqualTo("vip");
        assertThat(customer.path("complaints").asInt()).isEqualTo(1);
        assertThat(customer.path("openTickets").asInt()).isEqualTo(2);
        assertThat(Instant.parse(customer.path("firstContactAt").asString())).isEqualTo(now.minusSeconds(3600));
        assertThat(Instant.parse(customer.path("lastContactAt").asString())).isEqualTo(now);
        assertThat(customer.path("segment").path("time").asString()).isEqualTo("new");
        assertThat(customer.path("segment").path("volume").asString()).isEqualTo("ordinary");
        assertThat(customer.path("tickets")).extracting(ticket -> ticket.path("id").asString())
                .containsExactly(second.ticketId(), first.ticketId());
        assertThat(customer.path("tickets").get(0).path("channel").asString()).isEqualTo("chat");
    }

    @Test
    void unknownCustomerIsNotFoundAsProblemDetails() {
        web.get().uri("/api/customers/C-never-seen").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.customerId").isEqualTo("C-never-seen");
    }
}
