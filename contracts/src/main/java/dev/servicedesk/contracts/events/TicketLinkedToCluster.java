package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.ProductRef;

/** A later ticket about the same product (and batch) joined an open problem cluster. */
public record TicketLinkedToCluster(String clusterId, ProductRef product, String customerId) implements ProblemClusterEvent {
}
