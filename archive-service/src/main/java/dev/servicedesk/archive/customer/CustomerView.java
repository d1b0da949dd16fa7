package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.ticket.TicketSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/customers/{id}}: the customer's archive record.
 *
 * @param countsByType tickets per type; tickets not classified yet count as {@code unclassified}
 * @param tickets      the customer's most recent tickets (at most 50), most recent first; the counts cover all
 */
record CustomerView(
        String id,
        String name,
        String phone,
        String email,
        String tier,
        Instant firstContactAt,
        Instant lastContactAt,
        long ticketCount,
        long openTickets,
        long complaints,
        Map<String, Long> countsByType,
        Segment segment,
        List<TicketSummary> tickets) {

    /**
     * @param time                 {@code new} or {@code returning}
     * @param volume               {@code key}, {@code ordinary} or {@code occasional}
     * @param ticketsInVolumeWindow the count the volume segment was decided on, in whole calendar months
     */
    record Segment(String time, String volume, long ticketsInVolumeWindow) {
    }
}
