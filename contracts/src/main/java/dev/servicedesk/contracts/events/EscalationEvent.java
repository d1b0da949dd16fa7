package dev.servicedesk.contracts.events;

/** Escalations to a supervisor (升级处理), published by routing on {@code supervisor-alerts}. */
public sealed interface EscalationEvent extends TicketEvent permits SupervisorAlerted {
}
