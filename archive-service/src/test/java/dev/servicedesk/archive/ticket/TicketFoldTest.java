package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TicketFoldTest {

    private final TicketEvents events = TicketEvents.fresh(Instant.parse("2026-11-20T08:15:30.123456789Z"));

    private static TicketDocument fold(EventEnvelope... envelopes) {
        return fold(List.of(envelopes));
    }

    private static TicketDocument fold(List<EventEnvelope> envelopes) {
        TicketFold fold = TicketFold.from("T", null);
        envelopes.forEach(fold::apply);
        return fold.toDocument();
    }

    @Test
    void registrationAndRoutingFillTheFormAndTheClassification() {
        TicketDocument ticket = fold(events.received(), events.routed());

        assertThat(ticket.status()).isEqualTo(TicketStatus.ROUTED);
        assertThat(ticket.channel()).isEqualTo("phone");
        assertThat(ticket.customerId()).isEqualTo(events.customerId());
        assertThat(ticket.customer().tier()).isEqualTo("vip");
        assertThat(ticket.type()).isEqualTo("after-sales");
        assertThat(ticket.subType()).isEqualTo("damaged-parcel");
        assertThat(ticket.department()).isEqualTo("after-sales");
        assertThat(ticket.confidence()).isEqualTo(0.92);
        assertThat(ticket.progressEvery()).isEqualTo("PT4H");
        assertThat(ticket.receivedAt()).isEqualTo(Instant.parse("2026-11-20T08:15:30.123Z"));
        assertThat(ticket.timeline()).extracting(TimelineEntry::type).containsExactly("TicketReceived", "TicketRouted");
    }

    @Test
    void routingDecisionFoldedBeforeItsRegistrationGivesTheSameTicket() {
        // Routing's clock runs behind intake's: its event sorts first in time order.
        EventEnvelope skewedRouting = events.received().causes("routing-service",
                Instant.parse("2026-11-20T08:15:29Z"), events.routed().payload());

        TicketDocument ticket = fold(skewedRouting, events.received());

        assertThat(ticket.status()).isEqualTo(TicketStatus.ROUTED);
        assertThat(ticket.channel()).isEqualTo("phone");
        assertThat(ticket.type()).isEqualTo("after-sales");
    }

    @Test
    void anyArrivalOrderOfTheSameEventsFoldsToTheSameDocument() {
        List<EventEnvelope> all = new ArrayList<>(List.of(events.received(),
                events.routed(),
                events.routed(TicketType.COMPLAINT, "service-attitude", Department.COMPLAINT_DESK, 2, 0.55, true),
                events.later(new SolutionProposed("agent-7", "broken in transit", "send a new one", "tracking follows", Channel.EMAIL), Duration.ofHours(2)),
                events.later(new TicketResolved("agent-7", "replacement delivered"), Duration.ofHours(30))));
        TicketDocument expected = fold(all);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(all, random);
            assertThat(fold(all)).isEqualTo(expected);
        }
    }

    @Test
    void highestRoutingRevisionWinsWhicheverIsFoldedLast() {
        EventEnvelope revisionTwo = events.routed(TicketType.COMPLAINT, "service-attitude", Department.COMPLAINT_DESK, 2, 0.55, true);
        // revision 1 stamped later than revision 2, e.g. by a slower routing instance
        EventEnvelope lateRevisionOne = events.received().causes("routing-service",
                Instant.parse("2026-11-20T09:00:00Z"), events.routed().payload());

        TicketDocument ticket = fold(events.received(), revisionTwo, lateRevisionOne);

        assertThat(ticket.revision()).isEqualTo(2);
        assertThat(ticket.type()).isEqualTo("complaint");
        assertThat(ticket.complaintGrade()).isEqualTo("general");
        assertThat(ticket.needsReview()).isTrue();
    }

    @Test
    void lifecycleEventsMoveTheStatusAndReopeningClearsTheResolution() {
        EventEnvelope resolved = events.later(new TicketResolved("agent-7", "replaced"), Duration.ofHours(5));
        assertThat(fold(events.received(), events.routed(), resolved).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(fold(events.received(), events.routed(), resolved).resolvedAt()).isNotNull();

        TicketDocument reopened = fold(events.received(), events.routed(), resolved,
                events.later(new TicketReopened("callback-3", "still broken"), Duration.ofHours(40)));
        assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(TicketStatus.isOpen(reopened.status())).isTrue();
    }

    @Test
    void eventsWithoutStateOfTheirOwnOnlyJoinTheTimeline() {
        TicketDocument before = fold(events.received(), events.routed());
        TicketDocument after = fold(events.received(), events.routed(),
                events.later(new CustomerContacted("agent-7", Channel.PHONE, true, "asked where the parcel is"), Duration.ofMinutes(50)),
                events.later(new WorkItemWithdrawn(Department.AFTER_SALES, Department.COMPLAINT_DESK, "reclassified", 2), Duration.ofMinutes(55)));

        assertThat(after.timeline()).hasSize(4);
        assertThat(after.timeline().get(2).summary()).isEqualTo("Customer contacted us by phone: asked where the parcel is");
        assertThat(after).usingRecursiveComparison()
                .ignoringFields("timeline", "lastActivityAt")
                .isEqualTo(before);
    }

    @Test
    void escalationOvertakingRegistrationAndRoutingLeavesTheStatusOpenButUnknown() {
        EventEnvelope alert = events.received().causes("routing-service", Instant.parse("2026-11-20T08:15:31Z"),
                new SupervisorAlerted(events.customerId(), List.of("complaint"), TicketType.COMPLAINT, "formal-complaint",
                        Priority.URGENT, ComplaintGrade.SPECIAL, Department.COMPLAINT_DESK, "very angry", List.of("keyword: 投诉")));

        TicketDocument ticket = fold(alert);

        assertThat(ticket.status()).isNull();
        assertThat(TicketStatus.isOpen(ticket.status())).isTrue();
        assertThat(ticket.escalated()).isTrue();
        assertThat(ticket.customerId()).isEqualTo(events.customerId());
        assertThat(ticket.timeline().get(0).summary()).isEqualTo("Supervisor alerted: complaint");
    }

    @Test
    void foldingEventByEventThroughTheStoredDocumentGivesWhatFoldingAllAtOnceGives() {
        List<EventEnvelope> all = List.of(events.received(), events.routed(),
                events.later(new SolutionProposed("agent-7", "broken in transit", "send a new one", "tracking follows", Channel.EMAIL), Duration.ofHours(2)),
                events.later(new SolutionAccepted("thanks"), Duration.ofHours(3)));
        TicketDocument stored = null;
        for (EventEnvelope event : all) {
            TicketFold fold = TicketFold.from("T", stored);
            fold.apply(event);
            stored = fold.toDocument();
        }

        assertThat(stored).isEqualTo(fold(all));
    }

    @Test
    void redeliveredEventChangesNothing() {
        TicketFold fold = TicketFold.from("T", fold(events.received(), events.routed()));

        assertThat(fold.apply(events.routed())).isFalse();
        assertThat(fold.apply(events.received())).isFalse();
        assertThat(fold.toDocument()).isEqualTo(fold(events.received(), events.routed()));
    }

    @Test
    void customerAcceptingTheSolutionResolvesTheTicket() {
        Duration acceptedAfter = Duration.ofHours(3);
        TicketDocument ticket = fold(events.received(), events.routed(),
                events.later(new SolutionProposed("agent-7", "broken in transit", "send a new one", null, Channel.EMAIL), Duration.ofHours(2)),
                events.later(new SolutionAccepted("thanks"), acceptedAfter));

        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.isOpen()).isFalse();
        assertThat(ticket.resolvedAt()).isEqualTo(events.later(new SolutionAccepted("thanks"), acceptedAfter).occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void closingKeepsTheTimeOfResolution() {
        EventEnvelope resolved = events.later(new TicketResolved("agent-7", "replaced"), Duration.ofHours(5));
        EventEnvelope closed = events.later(new TicketClosed("agent-7", "confirmed"), Duration.ofHours(6));

        TicketDocument ticket = fold(events.received(), events.routed(), resolved, closed);

        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.resolvedAt()).isEqualTo(resolved.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(ticket.closedAt()).isEqualTo(closed.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void timelineNamesWhoDidEachStepAndNoOneForWhatNoPersonDid() {
        TicketDocument ticket = fold(events.received(), events.routed(),
                events.later(new CustomerContacted("agent-7", Channel.PHONE, false, "called back"), Duration.ofMinutes(50)),
                events.later(new TicketResolved("agent-9", "replaced"), Duration.ofHours(5)));

        assertThat(ticket.timeline()).extracting(TimelineEntry::actor).containsExactly(null, null, "agent-7", "agent-9");
    }

    @Test
    void typeNamesWithoutSummaryAreSpelledOut() {
        assertThat(TimelineSummaries.inWords("SolutionAccepted")).isEqualTo("Solution accepted");
    }
}
