package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.SlaDeadlines;

import java.util.Optional;

/**
 * Applies one event to a ticket's document. Pure: no I/O, the same events in the same order always
 * give the same document, and an event already applied changes nothing.
 */
public final class TicketProjector {

    private TicketProjector() {
    }

    /** What applying an event did. */
    public enum Outcome {
        APPLIED,
        /** Already applied before (a redelivery or replay). */
        DUPLICATE,
        /** Not allowed in the ticket's state, or about a ticket that was never received. */
        REJECTED,
        /** Not an event intake keeps. */
        IGNORED
    }

    public static Outcome apply(TicketRecord ticket, EventEnvelope envelope) {
        if (ticket.hasApplied(envelope.eventId())) {
            return Outcome.DUPLICATE;
        }
        if (envelope.payload() instanceof TicketReceived received) {
            if (ticket.registered()) {
                return Outcome.REJECTED; // a second registration under the same id would rewrite the ticket
            }
            ticket.received(envelope.correlationId(), received.channel(),
                    received.customer() == null ? null : received.customer().customerId(), received.preferredContact(),
                    received.urgentSignal(), received.receivedAt());
            ticket.contact(new ContactEntry(envelope.occurredAt(), received.channel(), true, envelope.type(),
                    "Request registered", null));
            if (received.urgentSignal()) {
                ticket.contact(new ContactEntry(envelope.occurredAt(), received.channel(), false, envelope.type(),
                        "Urgent request acknowledged at once", envelope.producer()));
            }
            ticket.applied(history(envelope, ticket.state()));
            return Outcome.APPLIED;
        }
        if (envelope.payload() instanceof TicketRouted routed) {
            SlaDeadlines deadlines = routed.deadlines();
            ticket.routed(routed.type(), routed.subType(), routed.priority(), routed.department(), routed.firstOwner(),
                    deadlines == null ? null : deadlines.firstResponseDue(),
                    deadlines == null ? null : deadlines.firstSolutionDue(),
                    deadlines == null || deadlines.progressEvery() == null ? null : deadlines.progressEvery().toMinutes());
            ticket.applied(history(envelope, ticket.state()));
            return Outcome.APPLIED;
        }
        if (!(envelope.payload() instanceof TicketLifecycleEvent event)) {
            return Outcome.IGNORED;
        }
        if (!ticket.registered()) {
            return Outcome.REJECTED;
        }
        Optional<TicketState> next = Transitions.next(ticket.state(), event);
        if (next.isEmpty()) {
            return Outcome.REJECTED;
        }
        ticket.state(next.get());
        record(ticket, envelope, event);
        ticket.applied(history(envelope, next.get()));
        return Outcome.APPLIED;
    }

    // What each event adds besides the state: solution details and the contact log.
    private static void record(TicketRecord ticket, EventEnvelope envelope, TicketLifecycleEvent event) {
        String type = envelope.type();
        Channel preferred = ticket.preferredContact();
        if (event instanceof InformationRequested requested) {
            ticket.openInformationRequest(requested.requested());
            ticket.contact(new ContactEntry(envelope.occurredAt(), orElse(requested.via(), preferred), false, type,
                    requested.requested(), requested.agentId()));
        } else if (event instanceof InformationSupplied supplied) {
            ticket.openInformationRequest(null);
            ticket.contact(new ContactEntry(envelope.occurredAt(), orElse(supplied.via(), preferred), true, type,
                    supplied.details(), null));
        } else if (event instanceof SolutionProposed proposed) {
            ticket.solution(new TicketRecord.Solution(proposed.result(), proposed.solution(), proposed.nextSteps(),
                    proposed.proposedBy(), envelope.occurredAt()));
            ticket.contact(new ContactEntry(envelope.occurredAt(), orElse(proposed.via(), preferred), false, type,
                    proposed.solution(), proposed.proposedBy()));
        } else if (event instanceof SolutionAccepted accepted) {
            ticket.contact(new ContactEntry(envelope.occurredAt(), preferred, true, type,
                    accepted.note() == null ? "Customer accepted the solution" : accepted.note(), null));
        } else if (event instanceof SolutionRejected rejected) {
            ticket.lastRejectionReason(rejected.reason());
            ticket.contact(new ContactEntry(envelope.occurredAt(), preferred, true, type, rejected.reason(), null));
        } else if (event instanceof CustomerContacted contacted) {
            ticket.contact(new ContactEntry(envelope.occurredAt(), orElse(contacted.channel(), preferred),
                    contacted.inbound(), type, contacted.summary(), contacted.agentId()));
        }
    }

    private static HistoryEntry history(EventEnvelope envelope, TicketState state) {
        return new HistoryEntry(envelope.eventId(), envelope.type(), envelope.occurredAt(), state,
                envelope.producer());
    }

    private static Channel orElse(Channel channel, Channel fallback) {
        return channel != null ? channel : fallback;
    }
}
