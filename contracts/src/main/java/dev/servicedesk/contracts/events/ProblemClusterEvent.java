package dev.servicedesk.contracts.events;

/** Production/quality problems seen across customers (生产问题反馈), published by routing on {@code problem-clusters}. */
public sealed interface ProblemClusterEvent extends TicketEvent permits ProblemClusterDetected, TicketLinkedToCluster {
}
