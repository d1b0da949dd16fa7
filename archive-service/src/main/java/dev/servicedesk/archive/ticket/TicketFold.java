package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ticket.TicketDocument.CustomerSnapshot;
import dev.servicedesk.archive.ticket.TicketDocument.ProductSnapshot;
import dev.servicedesk.contracts.MalformedEventException;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketEvent;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.ProductRef;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a ticket's events into its state. The result depends only on the set of events, never on
 * the order they arrived in: events are folded in time order, and the rules that could be hurt by
 * clocks of different producers are order-free (the registration form comes from TicketReceived
 * whenever it is folded, the classification from the highest routing revision, and intake and
 * routing statuses never move a ticket back).
 */
final class TicketFold {

    private String status;
    private Instant lastActivityAt;
    private Instant receivedAt;
    private String channel;
    private String customerId;
    private CustomerSnapshot customer;
    private String orderNumber;
    private ProductSnapshot product;
    private String description;
    private String customerRequest;
    private Instant problemOccurredAt;
    private String preferredContact;
    private String language;
    private List<String> attachments;
    private Boolean urgentSignal;
    private String type;
    private String subType;
    private String priority;
    private String department;
    private String firstOwner;
    private Double confidence;
    private List<String> reasons;
    private Boolean needsReview;
    private Integer revision;
    private Instant firstResponseDue;
    private Instant firstSolutionDue;
    private String progressEvery;
    private String complaintGrade;
    private boolean escalated;
    private String clusterId;
    private Instant resolvedAt;
    private Instant closedAt;
    private boolean registered;

    private TicketFold() {
    }

    /**
     * @param timeline every event of the ticket, in any order, each once
     */
    static TicketDocument fold(String ticketId, long version, List<TimelineEntry> timeline) {
        List<TimelineEntry> ordered = new ArrayList<>(timeline);
        ordered.sort(TimelineEntry.ORDER);
        TicketFold state = new TicketFold();
        for (TimelineEntry entry : ordered) {
            state.lastActivityAt = entry.occurredAt();
            try {
                state.apply(entry.occurredAt(), entry.toEnvelope(ticketId).payload());
            } catch (MalformedEventException e) {
                // stored by a version that knew a type this one does not: it stays in the timeline only
            }
        }
        return state.toDocument(ticketId, version, ordered);
    }

    private void apply(Instant at, TicketEvent event) {
        // Java 17 has no pattern switch: one branch per known type, the rest only join the timeline.
        if (event instanceof TicketReceived received) {
            register(received);
        } else if (event instanceof TicketRouted routed) {
            route(routed);
        } else if (event instanceof WorkItemAssigned assigned) {
            if (customer == null) {
                customer = snapshot(assigned.customer());
            }
            customerId = customerId != null ? customerId : customerIdOf(assigned.customer());
        } else if (event instanceof SupervisorAlerted alerted) {
            escalated = true;
            customerId = customerId != null ? customerId : alerted.customerId();
        } else if (event instanceof ProblemClusterDetected detected) {
            clusterId = detected.clusterId();
        } else if (event instanceof TicketLinkedToCluster linked) {
            clusterId = linked.clusterId();
            customerId = customerId != null ? customerId : linked.customerId();
        } else if (event instanceof ProgressReported || event instanceof InformationSupplied
                || event instanceof SolutionRejected) {
            status = TicketStatus.IN_PROGRESS;
        } else if (event instanceof InformationRequested) {
            status = TicketStatus.AWAITING_CUSTOMER;
        } else if (event instanceof SolutionProposed) {
            status = TicketStatus.SOLUTION_PROPOSED;
        } else if (event instanceof SolutionAccepted) {
            status = TicketStatus.SOLUTION_ACCEPTED;
        } else if (event instanceof TicketResolved) {
            status = TicketStatus.RESOLVED;
            resolvedAt = at;
        } else if (event instanceof TicketClosed) {
            status = TicketStatus.CLOSED;
            closedAt = at;
        } else if (event instanceof TicketReopened) {
            status = TicketStatus.REOPENED;
            resolvedAt = null;
            closedAt = null;
        }
    }

    private void register(TicketReceived received) {
        registered = true;
        receivedAt = truncated(received.receivedAt());
        channel = wire(received.channel());
        customer = snapshot(received.customer());
        customerId = customerIdOf(received.customer()) != null ? customerIdOf(received.customer()) : customerId;
        orderNumber = received.orderNumber();
        product = snapshot(received.product());
        description = received.description();
        customerRequest = received.customerRequest();
        problemOccurredAt = truncated(received.occurredAt());
        preferredContact = wire(received.preferredContact());
        language = received.language();
        attachments = received.attachments() == null ? List.of() : List.copyOf(received.attachments());
        urgentSignal = received.urgentSignal();
        if (status == null) {
            status = TicketStatus.RECEIVED;
        }
    }

    private void route(TicketRouted routed) {
        if (status == null || TicketStatus.RECEIVED.equals(status)) {
            status = TicketStatus.ROUTED;
        }
        if (customerId == null) {
            customerId = routed.customerId();
        }
        if (routed.clusterId() != null) {
            clusterId = routed.clusterId();
        }
        if (product == null && routed.product() != null) {
            product = snapshot(routed.product());
        }
        if (revision != null && routed.revision() < revision) {
            return; // an older decision folded after a newer one
        }
        revision = routed.revision();
        type = routed.type() == null ? null : routed.type().wireName();
        subType = routed.subType();
        priority = routed.priority() == null ? null : routed.priority().wireName();
        department = routed.department() == null ? null : routed.department().wireName();
        firstOwner = routed.firstOwner();
        confidence = routed.confidence();
        reasons = routed.reasons() == null ? List.of() : List.copyOf(routed.reasons());
        needsReview = routed.needsReview();
        complaintGrade = routed.complaintGrade() == null ? null : routed.complaintGrade().wireName();
        if (routed.deadlines() != null) {
            firstResponseDue = truncated(routed.deadlines().firstResponseDue());
            firstSolutionDue = truncated(routed.deadlines().firstSolutionDue());
            progressEvery = routed.deadlines().progressEvery() == null ? null : routed.deadlines().progressEvery().toString();
        }
    }

    private TicketDocument toDocument(String ticketId, long version, List<TimelineEntry> ordered) {
        if (!registered && customer == null && customerId != null) {
            customer = new CustomerSnapshot(customerId, null, null, null, null);
        }
        return new TicketDocument(ticketId, version, status, lastActivityAt, receivedAt, channel, customerId, customer,
                orderNumber, product, description, customerRequest, problemOccurredAt, preferredContact, language,
                attachments, urgentSignal, type, subType, priority, department, firstOwner, confidence, reasons,
                needsReview, revision, firstResponseDue, firstSolutionDue, progressEvery, complaintGrade, escalated,
                clusterId, resolvedAt, closedAt, List.copyOf(ordered));
    }

    private static CustomerSnapshot snapshot(CustomerRef ref) {
        return ref == null ? null
                : new CustomerSnapshot(ref.customerId(), ref.name(), ref.phone(), ref.email(),
                ref.tier() == null ? null : ref.tier().wireName());
    }

    private static String customerIdOf(CustomerRef ref) {
        return ref == null ? null : ref.customerId();
    }

    private static ProductSnapshot snapshot(ProductRef ref) {
        return ref == null ? null : new ProductSnapshot(ref.name(), ref.batch());
    }

    private static String wire(Channel channel) {
        return channel == null ? null : channel.wireName();
    }

    private static Instant truncated(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
