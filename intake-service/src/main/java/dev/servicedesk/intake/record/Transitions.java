package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dev.servicedesk.intake.record.TicketState.AWAITING_CUSTOMER;
import static dev.servicedesk.intake.record.TicketState.CLOSED;
import static dev.servicedesk.intake.record.TicketState.IN_PROGRESS;
import static dev.servicedesk.intake.record.TicketState.RECEIVED;
import static dev.servicedesk.intake.record.TicketState.RESOLVED;
import static dev.servicedesk.intake.record.TicketState.SOLUTION_PROPOSED;

/**
 * The lifecycle state machine. A customer who rejects a solution sends the ticket back to the
 * department; accepting it resolves the ticket; only a resolved ticket closes; resolved or closed
 * tickets can be reopened. Contacts can be logged in any state.
 */
public final class Transitions {

    private static final Set<TicketState> OPEN = EnumSet.of(RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER);

    private Transitions() {
    }

    /** The state after {@code event}, or empty when the event is not allowed in {@code current}. */
    public static Optional<TicketState> next(TicketState current, TicketLifecycleEvent event) {
        if (event instanceof ProgressReported) {
            return OPEN.contains(current) ? Optional.of(current == RECEIVED ? IN_PROGRESS : current) : Optional.empty();
        }
        if (event instanceof InformationRequested) {
            return when(current == RECEIVED || current == IN_PROGRESS, AWAITING_CUSTOMER);
        }
        if (event instanceof InformationSupplied) {
            return when(current == AWAITING_CUSTOMER, IN_PROGRESS);
        }
        if (event instanceof SolutionProposed) {
            return when(current == RECEIVED || current == IN_PROGRESS, SOLUTION_PROPOSED);
        }
        if (event instanceof SolutionAccepted) {
            return when(current == SOLUTION_PROPOSED, RESOLVED);
        }
        if (event instanceof SolutionRejected) {
            return when(current == SOLUTION_PROPOSED, IN_PROGRESS);
        }
        if (event instanceof TicketResolved) {
            return when(current == RECEIVED || current == IN_PROGRESS || current == SOLUTION_PROPOSED, RESOLVED);
        }
        if (event instanceof TicketClosed) {
            return when(current == RESOLVED, CLOSED);
        }
        if (event instanceof TicketReopened) {
            return when(current == RESOLVED || current == CLOSED, IN_PROGRESS);
        }
        if (event instanceof CustomerContacted) {
            return Optional.of(current);
        }
        return Optional.empty();
    }

    private static Optional<TicketState> when(boolean allowed, TicketState next) {
        return allowed ? Optional.of(next) : Optional.empty();
    }
}
