package dev.servicedesk.routing.escalation;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationIntegrationTest extends RoutingIntegrationSupport {

    private static final List<String> TOPICS = List.of(Topics.TICKET_ROUTING, Topics.SUPERVISOR_ALERTS,
            Topics.work(Department.COMPLAINT_DESK), Topics.work(Department.TECHNICAL_SUPPORT));

    @Test
    void vipComplaintIsSpecialGoesToTheComplaintDeskAndAlertsASupervisorAtOnce() {
        String ticketId = Tickets.newTicketId();
        EventEnvelope received = Tickets.received(ticketId, "c-vip-" + ticketId, CustomerTier.VIP,
                "我要投诉你们的安装师傅，态度恶劣，还乱收费", null, Instant.now());
        try (TopicProbe probe = new TopicProbe(bootstrap(), TOPICS)) {
            probe.send(Topics.TICKET_EVENTS, received);

            List<ConsumerRecord<String, EventEnvelope>> seen = probe.awaitRecord(record -> record.key().equals(ticketId)
                    && record.topic().equals(Topics.SUPERVISOR_ALERTS));
            seen = probe.awaitRecord(record -> record.key().equals(ticketId) && record.value().payload() instanceof WorkItemAssigned);

            TicketRouted routed = payload(seen, ticketId, TicketRouted.class);
            assertThat(routed.type()).isEqualTo(TicketType.COMPLAINT);
            assertThat(routed.subType()).isEqualTo("service-quality");
            assertThat(routed.complaintGrade()).isEqualTo(ComplaintGrade.SPECIAL);
            assertThat(routed.department()).isEqualTo(Department.COMPLAINT_DESK);
            assertThat(routed.priority()).isEqualTo(Priority.IMPORTANT);
            assertThat(routed.reasons()).contains("special: VIP customer");

            SupervisorAlerted alert = payload(seen, ticketId, SupervisorAlerted.class);
            assertThat(alert.causes()).containsExactly("complaint");
            assertThat(alert.complaintGrade()).isEqualTo(ComplaintGrade.SPECIAL);
            assertThat(alert.summary()).contains("安装师傅");

            ConsumerRecord<String, EventEnvelope> work = seen.stream()
                    .filter(record -> record.key().equals(ticketId) && record.value().payload() instanceof WorkItemAssigned)
                    .findFirst().orElseThrow();
            assertThat(work.topic()).isEqualTo("work.complaint-desk");
            WorkItemAssigned item = (WorkItemAssigned) work.value().payload();
            assertThat(item.owner()).isEqualTo(routed.firstOwner());
            assertThat(item.customer().customerId()).isEqualTo("c-vip-" + ticketId);
            assertThat(item.deadlines()).isEqualTo(routed.deadlines());
            assertThat(item.description()).contains("安装师傅");
        }
    }

    @Test
    void safetyHazardIsUrgentRoundTheClockAndAlertsASupervisorWhateverItsType() {
        String ticketId = Tickets.newTicketId();
        Instant receivedAt = Instant.now();
        EventEnvelope received = Tickets.received(ticketId, "c-" + ticketId, CustomerTier.NORMAL,
                "The space heater caught fire in our living room last night", null, receivedAt);
        try (TopicProbe probe = new TopicProbe(bootstrap(), TOPICS)) {
            probe.send(Topics.TICKET_EVENTS, received);

            List<ConsumerRecord<String, EventEnvelope>> seen = probe.awaitRecord(record -> record.key().equals(ticketId)
                    && record.topic().equals(Topics.SUPERVISOR_ALERTS));
            seen = probe.awaitRecord(record -> record.key().equals(ticketId) && record.value().payload() instanceof TicketRouted);

            TicketRouted routed = payload(seen, ticketId, TicketRouted.class);
            assertThat(routed.priority()).isEqualTo(Priority.URGENT);
            assertThat(routed.type()).isEqualTo(TicketType.PROBLEM_FEEDBACK);
            assertThat(routed.deadlines().firstSolutionDue()).isEqualTo(receivedAt.plus(Duration.ofHours(2)));
            assertThat(routed.deadlines().progressEvery()).isEqualTo(Duration.ofHours(1));
            assertThat(payload(seen, ticketId, SupervisorAlerted.class).causes()).containsExactly("safety-hazard");
        }
    }

    @Test
    void secondComplaintBySameCustomerWithinThirtyDaysIsSpecial() {
        String customerId = "c-repeat-" + Tickets.newTicketId();
        String first = Tickets.newTicketId();
        String second = Tickets.newTicketId();
        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING))) {
            probe.send(Topics.TICKET_EVENTS, Tickets.received(first, customerId, CustomerTier.NORMAL,
                    "投诉：客服态度很差，问题拖了一周", null, Instant.now().minus(Duration.ofDays(12))));
            List<ConsumerRecord<String, EventEnvelope>> seen = probe.awaitRecord(record -> record.key().equals(first));
            assertThat(payload(seen, first, TicketRouted.class).complaintGrade()).isEqualTo(ComplaintGrade.GENERAL);

            probe.send(Topics.TICKET_EVENTS, Tickets.received(second, customerId, CustomerTier.NORMAL,
                    "I want to complain again, nobody called me back", null, Instant.now()));
            seen = probe.awaitRecord(record -> record.key().equals(second));

            TicketRouted repeat = payload(seen, second, TicketRouted.class);
            assertThat(repeat.complaintGrade()).isEqualTo(ComplaintGrade.SPECIAL);
            assertThat(repeat.reasons()).contains("special: repeat complaint within 30 days");
        }
    }

    private static <T> T payload(List<ConsumerRecord<String, EventEnvelope>> records, String ticketId, Class<T> type) {
        return records.stream()
                .filter(record -> record.key().equals(ticketId) && type.isInstance(record.value().payload()))
                .map(record -> type.cast(record.value().payload()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + ticketId));
    }
}
