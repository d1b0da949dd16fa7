package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketEvents;
import dev.servicedesk.archive.ticket.TicketFold;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.ticket.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KpiCountersTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T20:00:00Z");

    private final KpiCounters counters = new KpiCounters(ZoneId.of("Asia/Shanghai"));
    private final KpiReads reads = new KpiReads(null, null, counters,
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    /** Feeds the events one by one into one shard, as the projection does, and returns the summary. */
    private KpiSummary summaryAfter(List<EventEnvelope> events) {
        KpiShard shard = counters.create("kpi#0");
        TicketDocument before = null;
        for (EventEnvelope event : events) {
            TicketFold fold = TicketFold.from(event.ticketId(), before);
            fold.apply(event);
            TicketDocument after = fold.toDocument();
            counters.apply(shard, new TicketChange(before, after, 0, "ticket-events-0", 0));
            before = after;
        }
        return reads.toSummary(shard.counts);
    }

    @Test
    void emptyArchiveCountsZeroEverywhere() {
        KpiSummary summary = reads.toSummary(new java.util.HashMap<>());

        assertThat(summary.total()).isZero();
        assertThat(summary.byChannel()).isEmpty();
        assertThat(summary.daily()).hasSize(KpiReads.DAYS).allSatisfy(day -> assertThat(day.received()).isZero());
    }

    @Test
    void ticketCountsOnceInEachDimensionWhateverHappensToIt() {
        TicketEvents ticket = TicketEvents.fresh(RECEIVED);
        List<EventEnvelope> events = new ArrayList<>(List.of(ticket.received(), ticket.routed(),
                ticket.later(new SolutionProposed("agent-7", "refund", "refunded", null, Channel.EMAIL), Duration.ofHours(1))));

        KpiSummary open = summaryAfter(events);
        assertThat(open.total()).isEqualTo(1);
        assertThat(open.open()).isEqualTo(1);
        assertThat(open.byStatus()).containsExactly(java.util.Map.entry("solution-proposed", 1L));
        assertThat(open.byChannel()).containsExactly(java.util.Map.entry("phone", 1L));
        assertThat(open.byType()).containsExactly(java.util.Map.entry("after-sales", 1L));

        events.add(ticket.later(new SolutionAccepted("thanks"), Duration.ofHours(2)));
        KpiSummary resolved = summaryAfter(events);
        assertThat(resolved.total()).isEqualTo(1);
        assertThat(resolved.open()).isZero();
        assertThat(resolved.resolved()).isEqualTo(1);
        assertThat(resolved.byStatus()).containsExactly(java.util.Map.entry("resolved", 1L));
    }

    @Test
    void routingDecisionBeforeTheRegistrationCountsUnderUnknownOnlyUntilTheRegistrationArrives() {
        TicketEvents ticket = TicketEvents.fresh(RECEIVED);

        assertThat(summaryAfter(List.of(ticket.routed())).byChannel()).containsExactly(java.util.Map.entry("unknown", 1L));
        assertThat(summaryAfter(List.of(ticket.routed(), ticket.received())).byChannel())
                .containsExactly(java.util.Map.entry("phone", 1L));
    }

    @Test
    void daysAreCountedInTheServiceCentresTimeZone() {
        TicketEvents ticket = TicketEvents.fresh(RECEIVED); // 20:00 UTC is 04:00 the next day in Shanghai

        KpiSummary summary = summaryAfter(List.of(ticket.received(), ticket.routed()));

        assertThat(summary.daily()).last().satisfies(day -> {
            assertThat(day.date()).isEqualTo(LocalDate.parse("2026-11-21"));
            assertThat(day.received()).isEqualTo(1);
        });
    }
}
