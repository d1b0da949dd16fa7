package dev.servicedesk.contracts.events;

/** Work items for department systems, published by routing on {@code work.<department>}. */
public sealed interface WorkEvent extends TicketEvent permits WorkItemAssigned, WorkItemWithdrawn {
}
