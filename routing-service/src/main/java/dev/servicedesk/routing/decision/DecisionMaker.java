package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.SupervisorAlerted;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.events.WorkItemAssigned;
import dev.servicedesk.contracts.events.WorkItemWithdrawn;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.assignment.Assignment;
import dev.servicedesk.routing.assignment.DepartmentAssigner;
import dev.servicedesk.routing.classification.Classification;
import dev.servicedesk.routing.classification.Classifier;
import dev.servicedesk.routing.cluster.ClusterOutcome;
import dev.servicedesk.routing.cluster.ProblemClusterDetector;
import dev.servicedesk.routing.escalation.ComplaintGrader;
import dev.servicedesk.routing.escalation.ComplaintGrading;
import dev.servicedesk.routing.priority.PriorityAssessment;
import dev.servicedesk.routing.priority.PriorityAssessor;
import dev.servicedesk.routing.sla.SlaPolicy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes one routing decision: classification, priority, SLA deadlines, department and owner,
 * complaint grade, escalation and problem cluster, and the events that announce it. Every event
 * id derives from the cause, so deciding again for the same cause yields the same ids.
 */
@Component
public class DecisionMaker {

    public static final String PRODUCER = "routing-service";
    private static final String HAZARD_REASON = "safety hazard";
    private static final int SUMMARY_LENGTH = 140;

    private final Classifier classifier;
    private final PriorityAssessor priorities;
    private final SlaPolicy sla;
    private final DepartmentAssigner assigner;
    private final ComplaintGrader complaints;
    private final ProblemClusterDetector clusters;
    private final Clock clock;

    DecisionMaker(Classifier classifier, PriorityAssessor priorities, SlaPolicy sla, DepartmentAssigner assigner,
                  ComplaintGrader complaints, ProblemClusterDetector clusters, Clock clock) {
        this.classifier = classifier;
        this.priorities = priorities;
        this.sla = sla;
        this.assigner = assigner;
        this.complaints = complaints;
        this.clusters = clusters;
        this.clock = clock;
    }

    /**
     * @param cause        the event this decision answers (TicketReceived, TicketReopened or TicketReclassified)
     * @param clockStart   when the SLA clocks start
     * @param staff        a staff classification to use instead of the classifier's, or {@code null}
     * @param previous     the decision this one replaces, or {@code null} for the first
     * @param rerouteNote  why the ticket is routed again, or {@code null} for the first decision
     */
    public Mono<Decision> decide(EventEnvelope cause, TicketReceived received, int revision, Instant clockStart,
                                 StaffClassification staff, TicketRouted previous, String rerouteNote) {
        Draft draft = draft(cause, received, revision, clockStart, staff, previous, rerouteNote);
        Mono<Optional<ComplaintGrading>> grading = draft.complaint()
                ? complaints.grade(draft.ticketId(), received.customer().customerId(), received.customer().tier(),
                        received.receivedAt(), draft.text(), draft.assessed().safetyHazard(), staff != null && staff.special())
                        .map(Optional::of)
                : Mono.just(Optional.empty());
        Mono<ClusterOutcome> cluster = draft.reportsProblem()
                ? clusters.report(draft.ticketId(), received.customer().customerId(), received.product(), received.receivedAt())
                : Mono.just(previous == null ? ClusterOutcome.NONE : new ClusterOutcome(previous.clusterId(), null));
        return Mono.zip(grading, cluster).map(results -> finish(draft, results.getT1().orElse(null), results.getT2()));
    }

    /**
     * First decisions for a poll's worth of received tickets. Classification, priority, deadlines,
     * department and the events run on the calling thread (a listener thread); the complaint
     * history and the problem clusters take one batch of database round trips each, concurrently,
     * awaited for at most {@code timeout}.
     *
     * @param received TicketReceived envelopes of distinct tickets
     * @return the decisions, in the order of {@code received}
     */
    public List<Decision> decideAll(List<EventEnvelope> received, Duration timeout) {
        List<Draft> drafts = new ArrayList<>(received.size());
        List<ComplaintGrader.Complaint> complaintCases = new ArrayList<>();
        List<ProblemClusterDetector.Report> reports = new ArrayList<>();
        for (EventEnvelope envelope : received) {
            TicketReceived ticket = (TicketReceived) envelope.payload();
            Draft draft = draft(envelope, ticket, 1, ticket.receivedAt(), null, null, null);
            drafts.add(draft);
            if (draft.complaint()) {
                complaintCases.add(new ComplaintGrader.Complaint(draft.ticketId(), ticket.customer().customerId(),
                        ticket.customer().tier(), ticket.receivedAt(), draft.text(), draft.assessed().safetyHazard(), false));
            }
            if (draft.reportsProblem()) {
                reports.add(new ProblemClusterDetector.Report(draft.ticketId(), ticket.customer().customerId(),
                        ticket.product(), ticket.receivedAt()));
            }
        }
        var lookups = Mono.zip(complaints.gradeAll(complaintCases), clusters.reportAll(reports)).block(timeout);
        Map<String, ComplaintGrading> gradings = lookups.getT1();
        Map<String, ClusterOutcome> outcomes = lookups.getT2();
        List<Decision> decisions = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            decisions.add(finish(draft, gradings.get(draft.ticketId()), outcomes.getOrDefault(draft.ticketId(), ClusterOutcome.NONE)));
        }
        return decisions;
    }

    /** What is decided without the database: classification, priority, department and deadlines. */
    private record Draft(EventEnvelope cause, TicketReceived received, int revision, StaffClassification staff,
                         TicketRouted previous, String rerouteNote, String text, Classification classification,
                         PriorityAssessment assessed, PriorityAssessment priority, Assignment assignment,
                         SlaDeadlines deadlines, boolean reportsProblem) {

        String ticketId() {
            return cause.ticketId();
        }

        boolean complaint() {
            return classification.type() == TicketType.COMPLAINT;
        }
    }

    private Draft draft(EventEnvelope cause, TicketReceived received, int revision, Instant clockStart,
                        StaffClassification staff, TicketRouted previous, String rerouteNote) {
        validate(cause.ticketId(), received);
        String ticketId = cause.ticketId();
        String text = text(received);
        Classification classification = staff != null
                ? new Classification(staff.type(), staff.subType(), 1.0, List.of("classified by staff " + staff.staffId()))
                : classifier.classify(text);
        CustomerTier tier = received.customer().tier();
        PriorityAssessment assessed = priorities.assess(text, classification.type(), classification.subType(), tier, received.urgentSignal());
        PriorityAssessment priority = staff != null && staff.priority() != null
                ? new PriorityAssessment(staff.priority(), assessed.safetyHazard(), List.of("priority set by staff " + staff.staffId()))
                : assessed;
        Assignment assignment = assigner.assign(ticketId, classification.type(), classification.subType());
        SlaDeadlines deadlines = sla.deadlines(priority.priority(), clockStart);
        boolean reportsProblem = previous == null && clusters.counts(classification.type(), received.product());
        return new Draft(cause, received, revision, staff, previous, rerouteNote, text, classification, assessed, priority,
                assignment, deadlines, reportsProblem);
    }

    private Decision finish(Draft draft, ComplaintGrading complaint, ClusterOutcome clustered) {
        TicketReceived received = draft.received();
        TicketRouted previous = draft.previous();
        Classification classification = draft.classification();
        PriorityAssessment priority = draft.priority();
        List<String> reasons = new ArrayList<>();
        if (draft.rerouteNote() != null) {
            reasons.add(draft.rerouteNote());
        }
        reasons.addAll(classification.reasons());
        reasons.addAll(priority.reasons());
        reasons.add(draft.assignment().reason());
        if (complaint != null) {
            reasons.addAll(complaint.reasons());
        }
        if (clustered.clusterId() != null && previous == null) {
            reasons.add(clustered.detected() != null ? "completed problem cluster " + clustered.clusterId()
                    : "linked to open problem cluster " + clustered.clusterId());
        }
        boolean needsReview = draft.staff() == null && classification.confidence() < classifier.reviewThreshold();
        if (needsReview) {
            reasons.add("confidence " + classification.confidence() + " below " + classifier.reviewThreshold() + ": staff review");
        }
        TicketRouted routed = new TicketRouted(received.customer().customerId(), classification.type(),
                classification.subType(), priority.priority(), draft.assignment().department(), draft.assignment().firstOwner(),
                classification.confidence(), needsReview, List.copyOf(reasons), draft.deadlines(),
                complaint == null ? null : complaint.grade(), draft.revision(), received.product(), clustered.clusterId());
        return announce(draft.cause(), received, routed, previous, priority.safetyHazard(), clustered, draft.rerouteNote());
    }

    private Decision announce(EventEnvelope cause, TicketReceived received, TicketRouted routed, TicketRouted previous,
                              boolean safetyHazard, ClusterOutcome cluster, String rerouteNote) {
        Instant now = clock.instant();
        List<OutboxMessage> outbox = new ArrayList<>();
        outbox.add(OutboxMessage.of(Topics.TICKET_ROUTING, cause.causes(PRODUCER, now, routed)));
        if (previous != null && previous.department() != routed.department()) {
            outbox.add(OutboxMessage.of(Topics.work(previous.department()), cause.causes(PRODUCER, now,
                    new WorkItemWithdrawn(previous.department(), routed.department(), rerouteNote, routed.revision()))));
        }
        outbox.add(OutboxMessage.of(Topics.work(routed.department()), cause.causes(PRODUCER, now,
                new WorkItemAssigned(routed.department(), routed.firstOwner(), received.customer(), received.channel(),
                        received.orderNumber(), received.product(), received.description(), received.customerRequest(),
                        received.attachments(), routed.type(), routed.subType(), routed.priority(),
                        routed.complaintGrade(), routed.deadlines(), routed.reasons(), routed.revision()))));
        List<String> alertCauses = new ArrayList<>();
        if (routed.type() == TicketType.COMPLAINT) {
            alertCauses.add("complaint");
        }
        if (safetyHazard) {
            alertCauses.add("safety-hazard");
        }
        if (!alertCauses.isEmpty() && !alertedBefore(previous)) {
            outbox.add(OutboxMessage.of(Topics.SUPERVISOR_ALERTS, cause.causes(PRODUCER, now,
                    new SupervisorAlerted(routed.customerId(), List.copyOf(alertCauses), routed.type(), routed.subType(),
                            routed.priority(), routed.complaintGrade(), routed.department(), summary(received),
                            routed.reasons()))));
        }
        ProblemClusterDetected detected = cluster.detected();
        if (previous == null && detected != null) {
            outbox.add(OutboxMessage.of(Topics.PROBLEM_CLUSTERS, cause.causes(PRODUCER, now, detected)));
        } else if (previous == null && cluster.linked()) {
            outbox.add(OutboxMessage.of(Topics.PROBLEM_CLUSTERS, cause.causes(PRODUCER, now,
                    new TicketLinkedToCluster(cluster.clusterId(), received.product(), routed.customerId()))));
        }
        return new Decision(routed, List.copyOf(outbox));
    }

    /** A supervisor was told at an earlier revision: re-routing alone does not alert again. */
    private static boolean alertedBefore(TicketRouted previous) {
        return previous != null && (previous.type() == TicketType.COMPLAINT
                || previous.reasons().stream().anyMatch(reason -> reason.startsWith(HAZARD_REASON)));
    }

    /** @throws IllegalArgumentException when the ticket can never be routed: it belongs on the dead-letter topic */
    public static void validate(String ticketId, TicketReceived received) {
        if (received.customer() == null || received.customer().customerId() == null || received.customer().customerId().isBlank()) {
            throw new IllegalArgumentException("TicketReceived without a customer id for ticket " + ticketId);
        }
        if (received.receivedAt() == null) {
            throw new IllegalArgumentException("TicketReceived without receivedAt for ticket " + ticketId);
        }
    }

    static String text(TicketReceived received) {
        return String.join("\n", Objects.requireNonNullElse(received.description(), ""),
                Objects.requireNonNullElse(received.customerRequest(), ""));
    }

    private static String summary(TicketReceived received) {
        String text = text(received).strip().replaceAll("\\s+", " ");
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
