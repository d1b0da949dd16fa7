package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ticket.TicketDocument.CustomerSnapshot;
import dev.servicedesk.archive.ticket.TicketDocument.ProductSnapshot;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.CustomerContacted;
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
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.WireNamed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds events into a ticket's state one at a time, starting from the stored document. The result
 * depends only on the set of events, never on the order they arrive in, because events of one
 * ticket come from several topics: the registration form comes from TicketReceived whenever it
 * arrives, the classification from the highest routing revision, the lifecycle status from the
 * latest lifecycle event in time order, and the rest are maxima or flags.
 */
public final class TicketFold {

    private final String ticketId;
    private final List<TimelineEntry> timeline;
    private final Set<String> applied;
    private String lifecycle;
    private Instant lifecycleAt;
    private String lifecycleEventId;
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

    private TicketFold(String ticketId, List<TimelineEntry> timeline) {
        this.ticketId = ticketId;
        this.timeline = new ArrayList<>(timeline);
        this.applied = new HashSet<>();
        timeline.forEach(entry -> applied.add(entry.eventId()));
    }

    /** @param stored the ticket as stored, or {@code null} for a ticket not seen before */
    public static TicketFold from(String ticketId, TicketDocument stored) {
        if (stored == null) {
            return new TicketFold(ticketId, List.of());
        }
        TicketFold fold = new TicketFold(ticketId, stored.timeline() == null ? List.of() : stored.timeline());
        fold.lifecycle = stored.lifecycle();
        fold.lifecycleAt = stored.lifecycleAt();
        fold.lifecycleEventId = stored.lifecycleEventId();
        fold.lastActivityAt = stored.lastActivityAt();
        fold.receivedAt = stored.receivedAt();
        fold.channel = stored.channel();
        fold.customerId = stored.customerId();
        fold.customer = stored.customer();
        fold.orderNumber = stored.orderNumber();
        fold.product = stored.product();
        fold.description = stored.description();
        fold.customerRequest = stored.customerRequest();
        fold.problemOccurredAt = stored.problemOccurredAt();
        fold.preferredContact = stored.preferredContact();
        fold.language = stored.language();
        fold.attachments = stored.attachments();
        fold.urgentSignal = stored.urgentSignal();
        fold.type = stored.type();
        fold.subType = stored.subType();
        fold.priority = stored.priority();
        fold.department = stored.department();
        fold.firstOwner = stored.firstOwner();
        fold.confidence = stored.confidence();
        fold.reasons = stored.reasons();
        fold.needsReview = stored.needsReview();
        fold.revision = stored.revision();
        fold.firstResponseDue = stored.firstResponseDue();
        fold.firstSolutionDue = stored.firstSolutionDue();
        fold.progressEvery = stored.progressEvery();
        fold.complaintGrade = stored.complaintGrade();
        fold.escalated = stored.escalated();
        fold.clusterId = stored.clusterId();
        fold.resolvedAt = stored.resolvedAt();
        fold.closedAt = stored.closedAt();
        return fold;
    }

    /** @return {@code false} when the event was applied before (a redelivery or replay): nothing changed */
    public boolean apply(EventEnvelope event) {
        TimelineEntry entry = TimelineEntry.of(event);
        if (!applied.add(entry.eventId())) {
            return false;
        }
        timeline.add(entry);
        Instant at = entry.occurredAt();
        if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
        TicketEvent payload = event.payload();
        if (payload instanceof TicketLifecycleEvent lifecycleEvent && !(payload instanceof TicketReceived)) {
            if (entry.isAfter(lifecycleAt, lifecycleEventId)) {
                lifecycle(entry, lifecycleEvent);
            }
        } else {
            fact(payload);
        }
        return true;
    }

    // Java 17 has no pattern switch: one branch per type that changes state.
    private void fact(TicketEvent event) {
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
        }
    }

    /** Only the latest lifecycle event decides the status, as in intake's state machine. */
    private void lifecycle(TimelineEntry entry, TicketLifecycleEvent event) {
        String next = lifecycleStatus(event);
        if (next == null) {
            return; // a contact logged: no change of status
        }
        lifecycle = next;
        lifecycleAt = entry.occurredAt();
        lifecycleEventId = entry.eventId();
        if (TicketStatus.DONE.contains(next)) {
            resolvedAt = resolvedAt != null ? resolvedAt : entry.occurredAt();
            closedAt = TicketStatus.CLOSED.equals(next) ? entry.occurredAt() : null;
        } else {
            resolvedAt = null;
            closedAt = null;
        }
    }

    private static String lifecycleStatus(TicketLifecycleEvent event) {
        if (event instanceof ProgressReported || event instanceof InformationSupplied || event instanceof SolutionRejected) {
            return TicketStatus.IN_PROGRESS;
        }
        if (event instanceof InformationRequested) {
            return TicketStatus.AWAITING_CUSTOMER;
        }
        if (event instanceof SolutionProposed) {
            return TicketStatus.SOLUTION_PROPOSED;
        }
        if (event instanceof SolutionAccepted || event instanceof TicketResolved) {
            return TicketStatus.RESOLVED;
        }
        if (event instanceof TicketClosed) {
            return TicketStatus.CLOSED;
        }
        if (event instanceof TicketReopened) {
            return TicketStatus.REOPENED;
        }
        if (event instanceof CustomerContacted) {
            return null;
        }
        return null;
    }

    private void register(TicketReceived received) {
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
    }

    private void route(TicketRouted routed) {
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
            return; // an older decision arriving after a newer one
        }
        revision = routed.revision();
        type = wire(routed.type());
        subType = routed.subType();
        priority = wire(routed.priority());
        department = wire(routed.department());
        firstOwner = routed.firstOwner();
        confidence = routed.confidence();
        reasons = routed.reasons() == null ? List.of() : List.copyOf(routed.reasons());
        needsReview = routed.needsReview();
        complaintGrade = wire(routed.complaintGrade());
        if (routed.deadlines() != null) {
            firstResponseDue = truncated(routed.deadlines().firstResponseDue());
            firstSolutionDue = truncated(routed.deadlines().firstSolutionDue());
            progressEvery = routed.deadlines().progressEvery() == null ? null : routed.deadlines().progressEvery().toString();
        }
    }

    private String status() {
        if (lifecycle != null) {
            return lifecycle;
        }
        if (revision != null) {
            return TicketStatus.ROUTED;
        }
        return receivedAt != null ? TicketStatus.RECEIVED : null;
    }

    public TicketDocument toDocument() {
        CustomerSnapshot shownCustomer = customer == null && customerId != null
                ? new CustomerSnapshot(customerId, null, null, null, null) : customer;
        List<TimelineEntry> ordered = new ArrayList<>(timeline);
        ordered.sort(TimelineEntry.ORDER);
        return new TicketDocument(ticketId, status(), lifecycle, lifecycleAt, lifecycleEventId, lastActivityAt,
                receivedAt, channel, customerId, shownCustomer, orderNumber, product, description, customerRequest,
                problemOccurredAt, preferredContact, language, attachments, urgentSignal, type, subType, priority,
                department, firstOwner, confidence, reasons, needsReview, revision, firstResponseDue, firstSolutionDue,
                progressEvery, complaintGrade, escalated, clusterId, resolvedAt, closedAt, List.copyOf(ordered));
    }

    private static CustomerSnapshot snapshot(CustomerRef ref) {
        return ref == null ? null
                : new CustomerSnapshot(ref.customerId(), ref.name(), ref.phone(), ref.email(), wire(ref.tier()));
    }

    private static ProductSnapshot snapshot(ProductRef ref) {
        return ref == null ? null : new ProductSnapshot(ref.name(), ref.batch());
    }

    private static String customerIdOf(CustomerRef ref) {
        return ref == null ? null : ref.customerId();
    }

    private static String wire(WireNamed value) {
        return value == null ? null : value.wireName();
    }

    private static Instant truncated(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
