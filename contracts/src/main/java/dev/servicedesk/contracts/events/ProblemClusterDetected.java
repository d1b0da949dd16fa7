package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.ProductRef;

import java.time.Instant;
import java.util.List;

/**
 * Several customers reported problems with the same product (and batch) within a short window:
 * a production or quality problem, not separate cases. Keyed by the ticket that completed it.
 *
 * @param ticketIds   the tickets that make up the cluster so far
 * @param customerIds the distinct customers who reported them
 */
public record ProblemClusterDetected(
        String clusterId,
        ProductRef product,
        List<String> ticketIds,
        List<String> customerIds,
        Instant windowStart,
        Instant detectedAt) implements ProblemClusterEvent {
}
