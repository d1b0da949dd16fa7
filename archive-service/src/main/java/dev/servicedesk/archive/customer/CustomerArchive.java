package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketStatus;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a customer's archive record from their tickets. Derived on read, so it can never
 * disagree with the ticket read model and needs no projection of its own.
 */
@Component
class CustomerArchive {

    static final String UNCLASSIFIED = "unclassified";

    private final SegmentPolicy policy;
    private final Clock clock;

    CustomerArchive(SegmentPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** @param tickets at least one ticket of the customer */
    CustomerView describe(String customerId, List<TicketDocument> tickets) {
        Comparator<TicketDocument> byContact = Comparator.comparing(CustomerArchive::contactAt)
                .thenComparing(TicketDocument::id);
        List<TicketDocument> oldestFirst = tickets.stream().sorted(byContact).toList();
        String name = null;
        String phone = null;
        String email = null;
        String tier = null;
        Map<String, Integer> countsByType = new TreeMap<>();
        int open = 0;
        for (TicketDocument ticket : oldestFirst) {
            if (ticket.customer() != null) { // the latest value of each field wins
                name = latest(ticket.customer().name(), name);
                phone = latest(ticket.customer().phone(), phone);
                email = latest(ticket.customer().email(), email);
                tier = latest(ticket.customer().tier(), tier);
            }
            countsByType.merge(ticket.type() == null ? UNCLASSIFIED : ticket.type(), 1, Integer::sum);
            if (TicketStatus.isOpen(ticket.status())) {
                open++;
            }
        }
        Instant first = contactAt(oldestFirst.get(0));
        Instant last = contactAt(oldestFirst.get(oldestFirst.size() - 1));
        List<TicketSummary> newestFirst = tickets.stream().sorted(byContact.reversed()).map(TicketSummary::of).toList();
        return new CustomerView(customerId, name, phone, email, tier, first, last, tickets.size(), open,
                countsByType.getOrDefault("complaint", 0), countsByType, segment(oldestFirst, first), newestFirst);
    }

    private CustomerView.Segment segment(List<TicketDocument> tickets, Instant firstContact) {
        Instant now = clock.instant();
        String time = firstContact.isAfter(now.minus(policy.newFor())) ? "new" : "returning";
        Instant windowStart = now.minus(policy.volumeWindow());
        int inWindow = (int) tickets.stream().filter(ticket -> contactAt(ticket).isAfter(windowStart)).count();
        String volume = inWindow >= policy.keyFrom() ? "key" : inWindow >= policy.ordinaryFrom() ? "ordinary" : "occasional";
        return new CustomerView.Segment(time, volume, inWindow);
    }

    private static String latest(String value, String previous) {
        return value != null ? value : previous;
    }

    /** When the customer got in touch: the registration time, or the first event seen if that is still missing. */
    private static Instant contactAt(TicketDocument ticket) {
        if (ticket.receivedAt() != null) {
            return ticket.receivedAt();
        }
        return ticket.lastActivityAt() != null ? ticket.lastActivityAt() : Instant.EPOCH;
    }
}
