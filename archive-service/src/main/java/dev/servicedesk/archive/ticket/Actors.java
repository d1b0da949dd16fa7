package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketEvent;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;

/** Who did a step, for the audit timeline: the person an event names (intake stamps it from the token). */
final class Actors {

    private Actors() {
    }

    /** @return {@code null} for events no person caused (a registration, a routing decision) */
    static String of(TicketEvent event) {
        if (event instanceof CustomerContacted contacted) {
            return contacted.agentId();
        }
        if (event instanceof InformationRequested requested) {
            return requested.agentId();
        }
        if (event instanceof ProgressReported progress) {
            return progress.reportedBy();
        }
        if (event instanceof SolutionProposed proposed) {
            return proposed.proposedBy();
        }
        if (event instanceof TicketResolved resolved) {
            return resolved.resolvedBy();
        }
        if (event instanceof TicketClosed closed) {
            return closed.closedBy();
        }
        if (event instanceof TicketReopened reopened) {
            return reopened.reopenedBy();
        }
        if (event instanceof TicketReclassified reclassified) {
            return reclassified.staffId();
        }
        return null;
    }
}
