package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingEventsCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final SlaDeadlines DEADLINES = new SlaDeadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            Duration.ofHours(1), 1, 0, Duration.ofHours(24), "Asia/Shanghai");

    private static EventEnvelope received() {
        return EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "corr-1", NOW,
                new TicketReceived(Channel.APP, new CustomerRef("c-1", "李娜", null, null, CustomerTier.NORMAL), null,
                        new ProductRef("Kettle", "B-7"), "水壶漏电", null, null, Channel.APP, "zh", List.of(), false, NOW));
    }

    @Test
    void routingStreamsRoundTripWithTheirOwnEventIds() {
        EventEnvelope cause = received();
        TicketRouted routed = new TicketRouted("c-1", TicketType.PROBLEM_FEEDBACK, "malfunction", Priority.URGENT,
                Department.TECHNICAL_SUPPORT, "ts-lead", 0.9, false, List.of("safety hazard: \"漏电\""), DEADLINES, null,
                2, new ProductRef("Kettle", "B-7"), "cluster-1");
        List<EventEnvelope> events = List.of(
                cause.causes("routing-service", NOW, routed),
                cause.causes("routing-service", NOW, new WorkItemAssigned(Department.TECHNICAL_SUPPORT, "ts-lead",
                        new CustomerRef("c-1", "李娜", null, null, CustomerTier.NORMAL), Channel.APP, null,
                        new ProductRef("Kettle", "B-7"), "水壶漏电", null, List.of(), TicketType.PROBLEM_FEEDBACK,
                        "malfunction", Priority.URGENT, null, DEADLINES, List.of(), 2)),
                cause.causes("routing-service", NOW, new WorkItemWithdrawn(Department.AFTER_SALES, Department.TECHNICAL_SUPPORT,
                        "reclassified", 2)),
                cause.causes("routing-service", NOW, new SupervisorAlerted("c-1", List.of("safety-hazard"),
                        TicketType.PROBLEM_FEEDBACK, "malfunction", Priority.URGENT, ComplaintGrade.SPECIAL,
                        Department.TECHNICAL_SUPPORT, "水壶漏电", List.of())),
                cause.causes("routing-service", NOW, new ProblemClusterDetected("cluster-1", new ProductRef("Kettle", "B-7"),
                        List.of("T-1", "T-2", "T-3"), List.of("c-1", "c-2", "c-3"), NOW.minusSeconds(600), NOW)));

        for (EventEnvelope event : events) {
            assertThat(EventCodec.read(EventCodec.write(event))).isEqualTo(event);
        }
        assertThat(events.stream().map(EventEnvelope::eventId).distinct()).hasSize(events.size());
    }

    @Test
    void routedDecisionWrittenBeforeRevisionsAndLaterClocksStillReads() {
        String old = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"TicketRouted\",\"schemaVersion\":1,"
                + "\"ticketId\":\"T-1\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"producer\":\"routing-service\",\"payload\":{"
                + "\"customerId\":\"c\",\"type\":\"consultation\",\"subType\":\"usage\",\"priority\":\"normal\","
                + "\"department\":\"product-operations\",\"firstOwner\":\"x\",\"confidence\":0.5,\"needsReview\":false,"
                + "\"reasons\":[],\"deadlines\":{\"firstResponseDue\":\"2026-11-23T08:00:00Z\","
                + "\"firstSolutionDue\":\"2026-11-23T09:00:00Z\",\"progressEvery\":\"PT4H\"},\"complaintGrade\":null}}";

        TicketRouted routed = (TicketRouted) EventCodec.read(old.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(routed.revision()).isZero();
        assertThat(routed.clusterId()).isNull();
        assertThat(routed.deadlines().callbackWorkingDays()).isZero();
        assertThat(routed.deadlines().progressEvery()).isEqualTo(Duration.ofHours(4));
    }
}
