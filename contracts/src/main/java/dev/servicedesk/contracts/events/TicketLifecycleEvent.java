package dev.servicedesk.contracts.events;

/** Events of the ticket of record, published by intake on {@code ticket-events}. */
public sealed interface TicketLifecycleEvent extends TicketEvent permits TicketReceived,
        ProgressReported, InformationRequested, InformationSupplied, SolutionProposed, SolutionAccepted,
        SolutionRejected, TicketResolved, TicketClosed, TicketReopened, CustomerContacted {
}
