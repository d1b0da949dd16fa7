package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ticket.TicketDocument.CustomerSnapshot;
import dev.servicedesk.archive.ticket.TicketDocument.ProductSnapshot;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/tickets/{id}}: the ticket with its ordered event timeline. Parts the archive has
 * not seen an event for yet (a routing decision that overtook the registration) are {@code null}.
 */
record TicketView(
        String id,
        String status,
        boolean open,
        Instant receivedAt,
        Instant lastActivityAt,
        String channel,
        String preferredContact,
        String language,
        CustomerSnapshot customer,
        String orderNumber,
        ProductSnapshot product,
        String description,
        String customerRequest,
        Instant problemOccurredAt,
        List<String> attachments,
        Boolean urgentSignal,
        Classification classification,
        Sla sla,
        String complaintGrade,
        boolean escalated,
        String clusterId,
        Instant resolvedAt,
        Instant closedAt,
        List<Entry> timeline) {

    record Classification(String type, String subType, String priority, String department, String firstOwner,
                          Double confidence, List<String> reasons, Boolean needsReview, Integer revision) {
    }

    record Sla(Instant firstResponseDue, Instant firstSolutionDue, String progressEvery) {
    }

    record Entry(Instant occurredAt, String type, String producer, String eventId, String correlationId,
                 String causationId, String actor, String summary) {
    }

    static TicketView of(TicketDocument ticket) {
        Classification classification = ticket.revision() == null ? null
                : new Classification(ticket.type(), ticket.subType(), ticket.priority(), ticket.department(),
                ticket.firstOwner(), ticket.confidence(), ticket.reasons(), ticket.needsReview(), ticket.revision());
        Sla sla = ticket.firstResponseDue() == null && ticket.firstSolutionDue() == null ? null
                : new Sla(ticket.firstResponseDue(), ticket.firstSolutionDue(), ticket.progressEvery());
        List<Entry> timeline = ticket.timeline().stream()
                .sorted(TimelineEntry.ORDER)
                .map(entry -> new Entry(entry.occurredAt(), entry.type(), entry.producer(), entry.eventId(),
                        entry.correlationId(), entry.causationId(), entry.actor(), entry.summary()))
                .toList();
        return new TicketView(ticket.id(), ticket.status(), ticket.isOpen(), ticket.receivedAt(),
                ticket.lastActivityAt(), ticket.channel(), ticket.preferredContact(), ticket.language(), ticket.customer(),
                ticket.orderNumber(), ticket.product(), ticket.description(), ticket.customerRequest(),
                ticket.problemOccurredAt(), ticket.attachments(), ticket.urgentSignal(), classification, sla,
                ticket.complaintGrade(), ticket.escalated(), ticket.clusterId(), ticket.resolvedAt(), ticket.closedAt(),
                timeline);
    }
}
