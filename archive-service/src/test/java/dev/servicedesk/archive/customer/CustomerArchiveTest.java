package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketDocument.CustomerSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerArchiveTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final CustomerArchive archive = new CustomerArchive(
            new SegmentPolicy(Duration.ofDays(30), Duration.ofDays(365), 5, 2), Clock.fixed(NOW, ZoneOffset.UTC));

    private static TicketDocument ticket(String id, Instant receivedAt, String type, String status, CustomerSnapshot customer) {
        return new TicketDocument(id, 1, status, receivedAt, receivedAt, "phone", "C-1", customer, null, null,
                "description of " + id, null, null, null, null, List.of(), false, type, null, null, null, null, null,
                null, null, type == null ? null : 1, null, null, null, null, false, null, null, null, List.of());
    }

    private static CustomerSnapshot customer(String name, String phone) {
        return new CustomerSnapshot("C-1", name, phone, null, "member");
    }

    @Test
    void customerWithOneRecentTicketIsNewAndOccasional() {
        CustomerView view = archive.describe("C-1", List.of(
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

        CustomerView view = archive.describe("C-1", tickets);

        assertThat(view.segment()).isEqualTo(new CustomerView.Segment("returning", "key", 5));
        assertThat(view.firstContactAt()).isEqualTo(NOW.minus(Duration.ofDays(800)));
        assertThat(view.countsByType()).containsEntry("complaint", 5).containsEntry("consultation", 1);
        assertThat(view.complaints()).isEqualTo(5);
        assertThat(view.openTickets()).isZero();
    }

    @Test
    void twoTicketsInTheWindowMakeAnOrdinaryCustomer() {
        CustomerView view = archive.describe("C-1", List.of(
                ticket("T-1", NOW.minus(Duration.ofDays(100)), "consultation", "closed", customer("Li Na", "1")),
                ticket("T-2", NOW.minus(Duration.ofDays(3)), null, "received", customer("Li Na", "1"))));

        assertThat(view.segment().volume()).isEqualTo("ordinary");
        assertThat(view.countsByType()).containsEntry(CustomerArchive.UNCLASSIFIED, 1);
    }

    @Test
    void latestKnownContactDetailsWinAndTicketsAreListedNewestFirst() {
        CustomerView view = archive.describe("C-1", List.of(
                ticket("T-2", NOW.minus(Duration.ofDays(1)), "consultation", "routed", customer("Li Na", null)),
                ticket("T-1", NOW.minus(Duration.ofDays(9)), "consultation", "routed", customer("Li N.", "+86 1"))));

        assertThat(view.name()).isEqualTo("Li Na");
        assertThat(view.phone()).isEqualTo("+86 1");
        assertThat(view.tickets()).extracting("id").containsExactly("T-2", "T-1");
    }
}
