package dev.servicedesk.contracts.events;

/** Routing decisions, published by routing on {@code ticket-routing}. */
public sealed interface RoutingEvent extends TicketEvent permits TicketRouted, TicketReclassified {
}
