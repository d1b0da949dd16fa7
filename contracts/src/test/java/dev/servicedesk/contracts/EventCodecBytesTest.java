package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
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
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EventCodec#write} writes straight to bytes; what it writes must not change. */
class EventCodecBytesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00.123456Z");
    private static final SlaDeadlines DEADLINES = new SlaDeadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            Duration.ofHours(1), 1, 0, Duration.ofHours(24), "Asia/Shanghai");
    private static final CustomerRef CUSTOMER = new CustomerRef("c-1", "张伟 \"Zhang\"", "+8613800000000", null, CustomerTier.VIP);
    private static final ProductRef PRODUCT = new ProductRef("电热水壶 Kettle", "B-7");

    @Test
    void bytesEqualTheTreeWrittenFormForEveryRoutingEvent() {
        EventEnvelope received = EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "corr-1", NOW,
                new TicketReceived(Channel.WALK_IN, CUSTOMER, "SO-1", PRODUCT, "水壶漏电\n\tleaking kettle \\ ✓ 😀",
                        null, NOW.minusSeconds(3600), Channel.PHONE, "zh", List.of("https://files.example/1.jpg"), true, NOW));
        EventEnvelope withoutCorrelation = EventEnvelope.first(UUID.randomUUID(), "T-2", "intake-service", null, NOW,
                new TicketReceived(Channel.APP, new CustomerRef("c-2", null, null, null, CustomerTier.NORMAL), null, null,
                        "", "", null, null, null, List.of(), false, NOW));
        TicketRouted routed = new TicketRouted("c-1", TicketType.PROBLEM_FEEDBACK, "malfunction", Priority.URGENT,
                Department.TECHNICAL_SUPPORT, "ts-lead", 0.9333333333333333, true, List.of("safety hazard: \"漏电\""),
                DEADLINES, ComplaintGrade.SPECIAL, 2, PRODUCT, "cluster-1");
        List<EventEnvelope> events = List.of(received, withoutCorrelation,
                received.causes("routing-service", NOW, routed),
                received.causes("routing-service", NOW, new TicketRouted("c-1", TicketType.CONSULTATION, "usage",
                        Priority.NORMAL, Department.PRODUCT_OPERATIONS, "po", 0.2, false, List.of(), null, null)),
                received.causes("routing-service", NOW, new WorkItemAssigned(Department.TECHNICAL_SUPPORT, "ts-lead",
                        CUSTOMER, Channel.APP, null, PRODUCT, "水壶漏电", null, List.of(), TicketType.PROBLEM_FEEDBACK,
                        "malfunction", Priority.URGENT, null, DEADLINES, List.of("a", "b"), 2)),
                received.causes("routing-service", NOW, new WorkItemWithdrawn(Department.AFTER_SALES,
                        Department.TECHNICAL_SUPPORT, "reclassified", 2)),
                received.causes("routing-service", NOW, new SupervisorAlerted("c-1", List.of("complaint", "safety-hazard"),
                        TicketType.COMPLAINT, "product-quality", Priority.URGENT, ComplaintGrade.SPECIAL,
                        Department.COMPLAINT_DESK, "水壶漏电…", List.of())),
                received.causes("routing-service", NOW, new ProblemClusterDetected("cluster-1", PRODUCT,
                        List.of("T-1", "T-2", "T-3"), List.of("c-1", "c-2", "c-3"), NOW.minusSeconds(600), NOW)),
                received.causes("routing-service", NOW, new TicketLinkedToCluster("cluster-1", PRODUCT, "c-4")),
                received.causes("routing-service", NOW, new TicketReclassified(TicketType.CONSULTATION, "usage",
                        TicketType.COMPLAINT, "service-quality", null, true, "agent-7", null, 3)));

        for (EventEnvelope event : events) {
            assertThat(EventCodec.write(event)).as(event.type()).isEqualTo(treeWritten(event));
        }
    }

    /** How {@link EventCodec#write} wrote an envelope before: through a JSON tree. */
    private static byte[] treeWritten(EventEnvelope envelope) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("type", envelope.type());
        node.put("schemaVersion", envelope.schemaVersion());
        node.put("ticketId", envelope.ticketId());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("producer", envelope.producer());
        node.put("correlationId", envelope.correlationId());
        node.put("causationId", envelope.causationId());
        node.set("payload", EventCodec.mapper().valueToTree(envelope.payload()));
        return EventCodec.mapper().writeValueAsBytes(node);
    }
}
