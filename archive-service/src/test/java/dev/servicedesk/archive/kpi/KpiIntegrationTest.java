package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.ArchiveIntegrationSupport;
import dev.servicedesk.archive.ticket.TicketEvents;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KpiIntegrationTest extends ArchiveIntegrationSupport {

    @Test
    void summaryCountsVolumesOpenResolvedAndReview() {
        awaitCaughtUp();
        JsonNode before = get("/api/kpis/summary");
        TicketEvents chat = TicketEvents.fresh(Instant.now());
        TicketEvents web = TicketEvents.fresh(Instant.now());
        publish(Topics.TICKET_EVENTS, chat.received(Channel.CHAT, "how do I reset my password"),
                web.received(Channel.WEB, "产品说明书在哪里下载"),
                web.later(new TicketResolved("agent-2", "sent the link"), Duration.ofMinutes(10)));
        publish(Topics.TICKET_ROUTING,
                chat.routed(TicketType.CONSULTATION, "usage", Department.PRODUCT_OPERATIONS, 1, 0.4, true),
                web.routed(TicketType.CONSULTATION, "product-function", Department.PRODUCT_OPERATIONS, 1, 0.5, true));

        JsonNode after = awaitJson("/api/kpis/summary",
                json -> assertThat(json.path("total").asLong()).isEqualTo(before.path("total").asLong() + 2));
        awaitCaughtUp();
        JsonNode settled = get("/api/kpis/summary");

        assertThat(after.path("total").asLong()).isEqualTo(settled.path("total").asLong());
        assertThat(delta(before, settled, "open")).isEqualTo(1);
        assertThat(delta(before, settled, "resolved")).isEqualTo(1);
        assertThat(delta(before, settled, "needsReview")).as("only the open one still needs review").isEqualTo(1);
        assertThat(delta(before, settled, "byChannel", "chat")).isEqualTo(1);
        assertThat(delta(before, settled, "byChannel", "web")).isEqualTo(1);
        assertThat(delta(before, settled, "byType", "consultation")).isEqualTo(2);
        assertThat(delta(before, settled, "byPriority", "important")).isEqualTo(2);
        assertThat(delta(before, settled, "byDepartment", "product-operations")).isEqualTo(2);
        assertThat(delta(before, settled, "byStatus", "resolved")).isEqualTo(1);
        assertThat(settled.path("open").asLong() + settled.path("resolved").asLong()).isEqualTo(settled.path("total").asLong());
    }

    @Test
    void streamSendsTheSummaryAsServerSentEvents() {
        var events = web.get().uri("/api/kpis/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<KpiSummary>>() { })
                .getResponseBody();

        StepVerifier.create(events.take(1))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("summary");
                    assertThat(event.data()).isNotNull();
                    assertThat(event.data().open() + event.data().resolved()).isEqualTo(event.data().total());
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void dashboardIsServedAsStaticPages() {
        web.get().uri("/dashboard/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("Latest tickets", "/dashboard/dashboard.js")
                        .doesNotContain("http://", "https://"));
        web.get().uri("/dashboard/dashboard.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("/api/kpis/stream", "/api/tickets?limit="));
        web.get().uri("/dashboard/dashboard.css").exchange().expectStatus().isOk();
        web.get().uri("/").exchange()
                .expectStatus().isTemporaryRedirect()
                .expectHeader().location("/dashboard/index.html");
        web.get().uri("/dashboard").exchange()
                .expectStatus().isTemporaryRedirect()
                .expectHeader().location("/dashboard/index.html");
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    private static long delta(JsonNode before, JsonNode after, String map, String key) {
        return after.path(map).path(key).asLong(0) - before.path(map).path(key).asLong(0);
    }
}
