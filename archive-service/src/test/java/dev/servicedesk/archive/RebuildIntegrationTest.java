package dev.servicedesk.archive;

import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.archive.ticket.TicketEvents;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild from zero: a second archive with an empty database and a new consumer group replays
 * every topic from the beginning, including events that were delivered twice, and must serve
 * exactly the views the running archive serves.
 */
class RebuildIntegrationTest extends ArchiveIntegrationSupport {

    @Test
    void archiveRebuiltFromTheTopicsServesIdenticalViews() {
        List<TicketEvents> tickets = new ArrayList<>();
        List<EventEnvelope> intake = new ArrayList<>();
        List<EventEnvelope> routing = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < 4; i++) {
            TicketEvents ticket = TicketEvents.fresh(start.plusSeconds(i));
            tickets.add(ticket);
            intake.add(ticket.received());
            routing.add(ticket.routed());
        }
        TicketEvents busy = tickets.get(0);
        intake.add(busy.later(new InformationRequested("agent-1", "a photo of the parcel", Channel.APP), Duration.ofMinutes(5)));
        intake.add(busy.later(new InformationSupplied("here it is", List.of("https://files.example/2.jpg"), Channel.APP), Duration.ofMinutes(20)));
        intake.add(busy.later(new TicketResolved("agent-1", "refunded"), Duration.ofHours(2)));
        intake.add(busy.later(new TicketClosed("agent-1", "customer confirmed"), Duration.ofHours(3)));
        routing.add(tickets.get(1).routed(TicketType.COMPLAINT, "formal-complaint", Department.COMPLAINT_DESK, 2, 0.6, true));

        publish(Topics.TICKET_ROUTING, routing.toArray(EventEnvelope[]::new));
        publish(Topics.TICKET_EVENTS, intake.toArray(EventEnvelope[]::new));
        // the same events once more, as after a producer retry or an offset reset
        publish(Topics.TICKET_EVENTS, intake.toArray(EventEnvelope[]::new));
        publish(Topics.TICKET_ROUTING, routing.toArray(EventEnvelope[]::new));
        awaitCaughtUp();
        List<JsonNode> live = tickets.stream().map(ticket -> get("/api/tickets/" + ticket.ticketId())).toList();
        assertThat(live.get(0).path("status").asString()).isEqualTo("closed");
        assertThat(live.get(0).path("timeline")).hasSize(6);
        assertThat(live.get(1).path("classification").path("revision").asInt()).isEqualTo(2);

        String group = "archive-rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        // arguments, not builder properties: those rank below the service-kit defaults
        try (ConfigurableApplicationContext rebuilt = ArchiveApplication.builder().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri(),
                "--spring.mongodb.database=" + group,
                "--spring.kafka.consumer.group-id=" + group,
                TestTokens.arguments()[0])) {
            awaitCaughtUp(group, List.of(Topics.TICKET_EVENTS, Topics.TICKET_ROUTING));
            WebTestClient rebuiltWeb = WebTestClient.bindToServer()
                    .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN))
                    .baseUrl("http://127.0.0.1:" + rebuilt.getEnvironment().getProperty("local.server.port"))
                    .build();

            for (int i = 0; i < tickets.size(); i++) {
                assertThat(read(rebuiltWeb, "/api/tickets/" + tickets.get(i).ticketId())).isEqualTo(live.get(i));
            }
            assertThat(read(rebuiltWeb, "/api/customers/" + busy.customerId()))
                    .isEqualTo(get("/api/customers/" + busy.customerId()));
            assertThat(read(rebuiltWeb, "/api/kpis/summary")).isEqualTo(get("/api/kpis/summary"));
        }
    }

    private static JsonNode read(WebTestClient client, String path) {
        return JSON.readTree(client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }
}
