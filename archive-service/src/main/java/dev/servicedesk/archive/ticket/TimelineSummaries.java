package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketEvent;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;

import java.util.List;
import java.util.Locale;

/** One line per event for the timeline; event types without a line of their own get their name in words. */
final class TimelineSummaries {

    private static final int TEXT_LIMIT = 80;

    private TimelineSummaries() {
    }

    static String describe(TicketEvent event) {
        if (event instanceof TicketReceived received) {
            String who = received.customer() == null || received.customer().name() == null
                    ? "" : " from " + received.customer().name();
            return "Received by " + wire(received.channel()) + who + ": " + shorten(received.description());
        }
        if (event instanceof TicketRouted routed) {
            String kind = routed.type() == null ? "unclassified" : routed.type().wireName()
                    + (routed.subType() == null ? "" : "/" + routed.subType());
            return "Routed to " + wire(routed.department()) + " as " + kind + ", priority "
                    + (routed.priority() == null ? "-" : routed.priority().wireName())
                    + String.format(Locale.ROOT, " (confidence %.2f%s)", routed.confidence(),
                    routed.needsReview() ? ", needs review" : "")
                    + (routed.revision() > 1 ? ", revision " + routed.revision() : "");
        }
        if (event instanceof TicketReclassified reclassified) {
            return "Reclassified by " + reclassified.staffId() + " to "
                    + (reclassified.type() == null ? "-" : reclassified.type().wireName())
                    + (reclassified.subType() == null ? "" : "/" + reclassified.subType());
        }
        if (event instanceof WorkItemAssigned assigned) {
            return "Work item for " + wire(assigned.department()) + (assigned.owner() == null ? "" : ", owner " + assigned.owner());
        }
        if (event instanceof WorkItemWithdrawn withdrawn) {
            return "Work item withdrawn from " + wire(withdrawn.department()) + ", now with " + wire(withdrawn.reassignedTo());
        }
        if (event instanceof SupervisorAlerted alerted) {
            return "Supervisor alerted: " + String.join(", ", alerted.causes() == null ? List.of() : alerted.causes());
        }
        if (event instanceof ProgressReported progress) {
            return "Progress from " + (progress.reportedBy() == null ? wire(progress.department()) : progress.reportedBy())
                    + ": " + shorten(progress.summary());
        }
        if (event instanceof InformationRequested requested) {
            return "Customer asked for: " + shorten(requested.requested());
        }
        if (event instanceof InformationSupplied supplied) {
            return "Customer supplied: " + shorten(supplied.details());
        }
        if (event instanceof SolutionProposed proposed) {
            return "Solution proposed: " + shorten(proposed.solution());
        }
        if (event instanceof SolutionRejected rejected) {
            return "Solution rejected: " + shorten(rejected.reason());
        }
        if (event instanceof TicketResolved resolved) {
            return "Resolved by " + resolved.resolvedBy() + ": " + shorten(resolved.summary());
        }
        if (event instanceof TicketClosed closed) {
            return "Closed by " + closed.closedBy();
        }
        if (event instanceof TicketReopened reopened) {
            return "Reopened: " + shorten(reopened.reason());
        }
        if (event instanceof CustomerContacted contacted) {
            return (contacted.inbound() ? "Customer contacted us by " : "Agent contacted customer by ")
                    + wire(contacted.channel()) + ": " + shorten(contacted.summary());
        }
        if (event instanceof ProblemClusterDetected cluster) {
            return "Problem cluster " + cluster.clusterId() + " detected across "
                    + (cluster.customerIds() == null ? 0 : cluster.customerIds().size()) + " customers";
        }
        if (event instanceof TicketLinkedToCluster linked) {
            return "Linked to problem cluster " + linked.clusterId();
        }
        return inWords(event.getClass().getSimpleName());
    }

    /** {@code SolutionAccepted} becomes {@code Solution accepted}. */
    static String inWords(String typeName) {
        String words = typeName.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String wire(Channel channel) {
        return channel == null ? "unknown channel" : channel.wireName();
    }

    private static String wire(Department department) {
        return department == null ? "no department" : department.wireName();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= TEXT_LIMIT ? flat : flat.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
