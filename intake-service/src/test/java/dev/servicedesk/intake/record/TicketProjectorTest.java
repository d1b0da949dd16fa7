package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.servicedesk.intake.record.TicketProjector.Outcome.APPLIED;
import static dev.servicedesk.intake.record.TicketProjector.Outcome.DUPLICATE;
import static dev.servicedesk.intake.record.TicketProjector.Outcome.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

class TicketProjectorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final EventEnvelope received = EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "T-1", NOW,
            new TicketReceived(Channel.CHAT, new CustomerRef("c-1", "Ann", null, "ann@example.com", null), null, null,
                    "cannot log in", null, null, Channel.EMAIL, "en", List.of(), true, NOW));

    private static EventEnvelope event(TicketLifecycleEvent payload) {
        return EventEnvelope.first(UUID.randomUUID(), "T-1", "intake-service", "T-1", NOW, payload);
    }

    @Test
    void fullLifecycleWithRejectionIsRecordedWithEveryCustomerContact() {
        TicketRecord ticket = new TicketRecord("T-1");

        assertThat(TicketProjector.apply(ticket, received)).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new ProgressReported(Department.TECHNICAL_SUPPORT, "ts-bot", "looking")))).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new InformationRequested("agent-7", "a screenshot", null)))).isEqualTo(APPLIED);
        assertThat(ticket.state()).isEqualTo(TicketState.AWAITING_CUSTOMER);
        assertThat(TicketProjector.apply(ticket, event(new InformationSupplied("here", List.of(), Channel.APP)))).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new SolutionProposed("agent-7", "cache", "clear cache", "watch", null)))).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new SolutionRejected("still broken")))).isEqualTo(APPLIED);
        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.lastRejectionReason()).isEqualTo("still broken");
        assertThat(TicketProjector.apply(ticket, event(new SolutionProposed("agent-7", "account", "reset", null, null)))).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new SolutionAccepted(null)))).isEqualTo(APPLIED);
        assertThat(ticket.state()).isEqualTo(TicketState.RESOLVED);
        assertThat(TicketProjector.apply(ticket, event(new TicketClosed("agent-7", null)))).isEqualTo(APPLIED);
        assertThat(TicketProjector.apply(ticket, event(new TicketReopened("followup", "unsatisfied")))).isEqualTo(APPLIED);

        assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(ticket.version()).isEqualTo(10);
        assertThat(ticket.contacts()).extracting(ContactEntry::kind).containsExactly("TicketReceived", "TicketReceived",
                "InformationRequested", "InformationSupplied", "SolutionProposed", "SolutionRejected",
                "SolutionProposed", "SolutionAccepted");
        assertThat(ticket.contacts().get(2).channel()).as("asked on the preferred channel").isEqualTo(Channel.EMAIL);
        assertThat(ticket.contacts().get(3).channel()).isEqualTo(Channel.APP);
    }

    @Test
    void redeliveredEventChangesNothing() {
        TicketRecord ticket = new TicketRecord("T-1");
        TicketProjector.apply(ticket, received);
        EventEnvelope progress = event(new ProgressReported(null, "x", "y"));
        TicketProjector.apply(ticket, progress);

        assertThat(TicketProjector.apply(ticket, progress)).isEqualTo(DUPLICATE);
        assertThat(TicketProjector.apply(ticket, received)).isEqualTo(DUPLICATE);
        assertThat(ticket.version()).isEqualTo(2);
        assertThat(ticket.history()).hasSize(2);
    }

    @Test
    void illegalTransitionAndLifecycleEventForUnknownTicketAreRejected() {
        TicketRecord ticket = new TicketRecord("T-1");
        assertThat(TicketProjector.apply(ticket, event(new TicketClosed("a", null)))).isEqualTo(REJECTED);
        TicketProjector.apply(ticket, received);

        assertThat(TicketProjector.apply(ticket, event(new SolutionAccepted(null)))).isEqualTo(REJECTED);
        assertThat(TicketProjector.apply(ticket, event(new TicketClosed("a", null)))).isEqualTo(REJECTED);
        assertThat(ticket.state()).isEqualTo(TicketState.RECEIVED);
    }

    @Test
    void routingDecisionSetsPromisedCallbackEvenWhenItOvertakesTheRegistration() {
        TicketRecord ticket = new TicketRecord("T-1");
        TicketRouted routed = new TicketRouted("c-1", TicketType.PROBLEM_FEEDBACK, "malfunction", Priority.URGENT,
                Department.TECHNICAL_SUPPORT, "technical-support", 0.9, false, List.of(),
                new SlaDeadlines(NOW.plusSeconds(60), NOW.plusSeconds(7200), Duration.ofHours(1)), null);

        assertThat(TicketProjector.apply(ticket, received.causes("routing-service", NOW, routed))).isEqualTo(APPLIED);
        assertThat(ticket.registered()).isFalse();
        assertThat(TicketProjector.apply(ticket, received)).isEqualTo(APPLIED);

        assertThat(ticket.registered()).isTrue();
        assertThat(ticket.promisedCallbackBy()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ticket.progressEveryMinutes()).isEqualTo(60);
        assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
    }
}
