package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.ticket.TicketSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/customers/{id}}: the customer's archive record.
 *
 * @param countsByType tickets per type; tickets not classified yet count as {@code unclassified}
 * @param tickets      every ticket of the customer, most recent first
 */
record CustomerView(
        String id,
        String name,
        String phone,
        String email,
        String tier,
        Instant firstContactAt,
        Instant lastContactAt,
        int ticketCount,
        int openTickets,
        int complaints,
        Map<String, Integer> countsByType,
        Segment segment,
        List<TicketSummary> tickets) {

    /**
     * @param time                 {@code new} or {@code returning}
     * @param volume               {@code key}, {@code ordinary} or {@code occasional}
     * @param ticketsInVolumeWindow the count the volume segment was decided on
     */
    record Segment(String time, String volume, int ticketsInVolumeWindow) {
    }
}
