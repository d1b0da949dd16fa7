package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketDocument.CustomerSnapshot;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerShardsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final CustomerShards shards = new CustomerShards();
    private final CustomerReads reads = new CustomerReads(null, null,
            new SegmentPolicy(Duration.ofDays(30), Duration.ofDays(365), 5, 2), Clock.fixed(NOW, ZoneOffset.UTC));

    private static TicketDocument ticket(String id, Instant receivedAt, String type, String status, CustomerSnapshot customer) {
        return new TicketDocument(id, status, null, null, null, receivedAt, receivedAt, "phone", "C-1", customer, null,
                null, "description of " + id, null, null, null, null, List.of(), false, type, null, null, null, null,
                null, null, null, type == null ? null : 1, null, null, null, null, false, null, null, null, List.of());
    }

    private static CustomerSnapshot customer(String name, String phone) {
        return new CustomerSnapshot("C-1", name, phone, null, "member");
    }

    /** Each ticket into the shard of its partition, as the projection would put it. */
    private CustomerView view(List<TicketDocument> tickets) {
        List<CustomerShard> parts = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            parts.add(shards.create("C-1#" + partition));
        }
        for (int i = 0; i < tickets.size(); i++) {
            int partition = i % 2;
            shards.apply(parts.get(partition), new TicketChange(null, tickets.get(i), partition, "t-" + partition, i));
        }
        return reads.merge("C-1", parts);
    }

    @Test
    void customerWithOneRecentTicketIsNewAndOccasional() {
        CustomerView view = view(List.of(
                ticket("T-1", NOW.minus(Duration.ofDays(2)), "consultation", "routed", customer("Li Na", "1"))));

        assertThat(view.segment()).isEqualTo(new CustomerView.Segment("new", "occasional", 1));
        assertThat(view.firstContactAt()).isEqualTo(view.lastContactAt());
        assertThat(view.openTickets()).isEqualTo(1);
    }

    @Test
    void customerKnownForMonthsWithFiveTicketsThisYearIsReturningAndKey() {
        List<TicketDocument> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(ticket("T-" + i, NOW.minus(Duration.ofDays(40L + 50 * i)), "complaint", "closed", customer("Li Na", "1")));
        }
        tickets.add(ticket("T-old", NOW.minus(Duration.ofDays(800)), "consultation", "closed", customer("Li Na", "1")));

        CustomerView view = view(tickets);

        assertThat(view.segment()).isEqualTo(new CustomerView.Segment("returning", "key", 5));
        assertThat(view.firstContactAt()).isEqualTo(NOW.minus(Duration.ofDays(800)));
        assertThat(view.countsByType()).containsEntry("complaint", 5L).containsEntry("consultation", 1L);
        assertThat(view.complaints()).isEqualTo(5);
        assertThat(view.openTickets()).isZero();
        assertThat(view.ticketCount()).isEqualTo(6);
    }

    @Test
    void unclassifiedTicketsCountApart() {
        CustomerView view = view(List.of(
                ticket("T-1", NOW.minus(Duration.ofDays(100)), "consultation", "closed", customer("Li Na", "1")),
                ticket("T-2", NOW.minus(Duration.ofDays(3)), null, "received", customer("Li Na", "1"))));

        assertThat(view.segment().volume()).isEqualTo("ordinary");
        assertThat(view.countsByType()).containsEntry(CustomerShards.UNCLASSIFIED, 1L);
    }

    @Test
    void latestKnownContactDetailsWinAndTicketsAreListedNewestFirst() {
        CustomerView view = view(List.of(
                ticket("T-2", NOW.minus(Duration.ofDays(1)), "consultation", "routed", customer("Li Na", null)),
                ticket("T-1", NOW.minus(Duration.ofDays(9)), "consultation", "routed", customer("Li N.", "+86 1"))));

        assertThat(view.name()).isEqualTo("Li Na");
        assertThat(view.phone()).isEqualTo("+86 1");
        assertThat(view.tickets()).extracting(TicketSummary::id).containsExactly("T-2", "T-1");
    }

    @Test
    void ticketChangingStatusMovesOnlyTheCountsThatChanged() {
        CustomerShard shard = shards.create("C-1#0");
        TicketDocument open = ticket("T-1", NOW, "complaint", "routed", customer("Li Na", "1"));
        TicketDocument closed = ticket("T-1", NOW, "complaint", "closed", customer("Li Na", "1"));

        shards.apply(shard, new TicketChange(null, open, 0, "t-0", 1));
        shards.apply(shard, new TicketChange(open, closed, 0, "t-0", 2));

        assertThat(shard.tickets).isEqualTo(1);
        assertThat(shard.open).isZero();
        assertThat(shard.byType).containsExactly(java.util.Map.entry("complaint", 1L));
        assertThat(shard.recent).singleElement().satisfies(summary -> assertThat(summary.status()).isEqualTo("closed"));
    }

    @Test
    void recentTicketsStayBoundedWhileCountsCoverEveryTicket() {
        CustomerShard shard = shards.create("C-1#0");
        for (int i = 0; i < CustomerShards.RECENT + 30; i++) {
            TicketDocument ticket = ticket("T-" + i, NOW.minus(Duration.ofHours(i)), "consultation", "routed", customer("Li Na", "1"));
            shards.apply(shard, new TicketChange(null, ticket, 0, "t-0", i));
        }

        assertThat(shard.tickets).isEqualTo(CustomerShards.RECENT + 30);
        assertThat(shard.recent).hasSize(CustomerShards.RECENT);
        assertThat(shard.recent.get(0).id()).isEqualTo("T-0");
    }
}
