package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketRoutingIntegrationTest extends RoutingIntegrationSupport {

    @Test
    void receivedTicketIsRoutedOnceUnderItsTicketIdEvenWhenRedelivered() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "订单已经取消了，我要申请退款，钱什么时候退回来？");
        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING))) {
            probe.send(Topics.TICKET_EVENTS, received);

            ConsumerRecord<String, EventEnvelope> first = routedOf(probe.awaitRecord(record -> isRouted(record, ticketId, 1)), ticketId, 1).get(0);
            TicketRouted routed = (TicketRouted) first.value().payload();
            assertThat(first.key()).isEqualTo(ticketId);
            assertThat(first.value().eventId()).isEqualTo(received.causes("routing-service", Instant.now(), routed).eventId());
            assertThat(first.value().causationId()).isEqualTo(received.eventId().toString());
            assertThat(first.value().correlationId()).isEqualTo(received.correlationId());
            assertThat(routed.type()).isEqualTo(TicketType.AFTER_SALES);
            assertThat(routed.subType()).isEqualTo("refund");
            assertThat(routed.department()).isEqualTo(Department.AFTER_SALES);
            assertThat(routed.deadlines().firstResponseDue()).isAfter(received.occurredAt());
            assertThat(routed.reasons()).anyMatch(reason -> reason.contains("退款"));

            // redelivery, then a later event on the same partition: by the time that one is routed, the repeat was handled
            probe.send(Topics.TICKET_EVENTS, received);
            probe.send(Topics.TICKET_EVENTS, Tickets.reopened(received, Instant.now()));
            List<ConsumerRecord<String, EventEnvelope>> all = probe.awaitRecord(record -> isRouted(record, ticketId, 2));

            assertThat(routedOf(all, ticketId, 1)).hasSize(1);
            TicketRouted rerouted = (TicketRouted) routedOf(all, ticketId, 2).get(0).value().payload();
            assertThat(rerouted.type()).isEqualTo(TicketType.AFTER_SALES);
            assertThat(rerouted.reasons().get(0)).startsWith("reopened by agent-1");
        }
    }

    private static boolean isRouted(ConsumerRecord<String, EventEnvelope> record, String ticketId, int revision) {
        return record.key().equals(ticketId) && record.value().payload() instanceof TicketRouted routed && routed.revision() == revision;
    }

    private static List<ConsumerRecord<String, EventEnvelope>> routedOf(List<ConsumerRecord<String, EventEnvelope>> records,
                                                                        String ticketId, int revision) {
        return records.stream().filter(record -> isRouted(record, ticketId, revision)).toList();
    }
}
