package dev.servicedesk.contracts.events;

/** Every event about a ticket, whichever service published it. */
public sealed interface TicketEvent permits TicketLifecycleEvent, RoutingEvent, WorkEvent, EscalationEvent, ProblemClusterEvent {
}
