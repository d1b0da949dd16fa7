package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who did a step is the caller's token subject, never what the request body claims: the audit timeline
 * must not be writable by the actor it records. A department caller reports only for its own department.
 */
final class Actors {

    private Actors() {
    }

    /** The command with every actor field set to the caller; a department caller's progress names its department. */
    static TicketLifecycleEvent stamped(TicketLifecycleEvent command, Caller caller) {
        String actor = caller.subject();
        if (command instanceof ProgressReported progress) {
            return new ProgressReported(reportingDepartment(progress.department(), caller), actor, progress.summary());
        }
        if (command instanceof InformationRequested request) {
            return new InformationRequested(actor, request.requested(), request.via());
        }
        if (command instanceof SolutionProposed proposal) {
            return new SolutionProposed(actor, proposal.result(), proposal.solution(), proposal.nextSteps(), proposal.via());
        }
        if (command instanceof TicketResolved resolved) {
            return new TicketResolved(actor, resolved.summary());
        }
        if (command instanceof TicketClosed closed) {
            return new TicketClosed(actor, closed.note());
        }
        if (command instanceof TicketReopened reopened) {
            return new TicketReopened(actor, reopened.reason());
        }
        if (command instanceof CustomerContacted contacted) {
            return new CustomerContacted(actor, contacted.channel(), contacted.inbound(), contacted.summary());
        }
        return command;
    }

    /** The department a caller acting only as a department may act for, else {@code null} (no restriction). */
    static String actingDepartment(Caller caller) {
        if (!caller.isDepartmentOnly()) {
            return null;
        }
        if (caller.department() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the department token names no department");
        }
        return caller.department();
    }

    private static Department reportingDepartment(Department claimed, Caller caller) {
        String own = actingDepartment(caller);
        if (own == null) {
            return claimed;
        }
        if (claimed != null && !claimed.wireName().equals(own)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "department " + own + " cannot report progress for " + claimed.wireName());
        }
        if (claimed != null) {
            return claimed;
        }
        for (Department department : Department.values()) {
            if (department.wireName().equals(own)) {
                return department;
            }
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the token names an unknown department " + own);
    }
}
