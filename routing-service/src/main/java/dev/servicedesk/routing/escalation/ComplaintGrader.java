package dev.servicedesk.routing.escalation;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.routing.classification.Phrase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * General or special complaint (DOMAIN §2, §5). Special: a safety hazard, a VIP customer, a repeat
 * complaint by the same customer within the window, threats of media exposure or legal action, or
 * a staff decision. Special complaints get a complaint handling form (投诉处理单).
 */
@Component
public class ComplaintGrader {

    /** One complaint to grade. */
    public record Complaint(String ticketId, String customerId, CustomerTier tier, Instant receivedAt, String text,
                            boolean safetyHazard, boolean staffSaysSpecial) {
    }

    private final ComplaintHistory history;
    private final ComplaintProperties properties;
    private final List<Phrase> threats;

    ComplaintGrader(ComplaintHistory history, ComplaintProperties properties) {
        this.history = history;
        this.properties = properties;
        this.threats = properties.threatPhrases().stream().map(Phrase::new).toList();
    }

    public Mono<ComplaintGrading> grade(String ticketId, String customerId, CustomerTier tier, Instant receivedAt,
                                        String text, boolean safetyHazard, boolean staffSaysSpecial) {
        Complaint complaint = new Complaint(ticketId, customerId, tier, receivedAt, text, safetyHazard, staffSaysSpecial);
        List<String> reasons = reasons(complaint);
        return history.recordAndCheckRepeat(customerId, ticketId, receivedAt, properties.repeatWindow())
                .map(repeat -> grading(reasons, repeat));
    }

    /** Grades many complaints with one write and one read of the complaint history. */
    public Mono<Map<String, ComplaintGrading>> gradeAll(List<Complaint> complaints) {
        if (complaints.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, List<String>> reasons = new HashMap<>();
        complaints.forEach(complaint -> reasons.put(complaint.ticketId(), reasons(complaint)));
        return history.recordAllAndCheckRepeats(complaints.stream()
                        .map(c -> new ComplaintHistory.Complaint(c.customerId(), c.ticketId(), c.receivedAt())).toList(),
                        properties.repeatWindow())
                .map(repeats -> {
                    Map<String, ComplaintGrading> gradings = new HashMap<>();
                    reasons.forEach((ticketId, found) -> gradings.put(ticketId, grading(found, repeats.getOrDefault(ticketId, false))));
                    return gradings;
                });
    }

    /** Every reason to make it special that the complaint itself shows. */
    private List<String> reasons(Complaint complaint) {
        List<String> reasons = new ArrayList<>();
        if (complaint.staffSaysSpecial()) {
            reasons.add("special by staff decision");
        }
        if (complaint.safetyHazard()) {
            reasons.add("special: safety hazard");
        }
        if (complaint.tier() == CustomerTier.VIP) {
            reasons.add("special: VIP customer");
        }
        String normalized = Phrase.normalize(complaint.text());
        threats.stream().filter(threat -> threat.occursIn(normalized)).findFirst()
                .ifPresent(threat -> reasons.add("special: threat of media exposure or legal action \"" + threat + "\""));
        return reasons;
    }

    private ComplaintGrading grading(List<String> reasons, boolean repeat) {
        List<String> all = new ArrayList<>(reasons);
        if (repeat) {
            all.add("special: repeat complaint within " + properties.repeatWindow().toDays() + " days");
        }
        return all.isEmpty()
                ? new ComplaintGrading(ComplaintGrade.GENERAL, List.of("general complaint: handled by the agent"))
                : new ComplaintGrading(ComplaintGrade.SPECIAL, List.copyOf(all));
    }
}
