package dev.servicedesk.routing.escalation;

import dev.servicedesk.contracts.ticket.ComplaintGrade;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.routing.classification.Phrase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * General or special complaint (DOMAIN §2, §5). Special: a safety hazard, a VIP customer, a repeat
 * complaint by the same customer within the window, threats of media exposure or legal action, or
 * a staff decision. Special complaints get a complaint handling form (投诉处理单).
 */
@Component
public class ComplaintGrader {

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
        List<String> reasons = new ArrayList<>();
        if (staffSaysSpecial) {
            reasons.add("special by staff decision");
        }
        if (safetyHazard) {
            reasons.add("special: safety hazard");
        }
        if (tier == CustomerTier.VIP) {
            reasons.add("special: VIP customer");
        }
        String normalized = Phrase.normalize(text);
        threats.stream().filter(threat -> threat.occursIn(normalized)).findFirst()
                .ifPresent(threat -> reasons.add("special: threat of media exposure or legal action \"" + threat + "\""));
        return history.recordAndCheckRepeat(customerId, ticketId, receivedAt, properties.repeatWindow())
                .map(repeat -> {
                    List<String> all = new ArrayList<>(reasons);
                    if (repeat) {
                        all.add("special: repeat complaint within " + properties.repeatWindow().toDays() + " days");
                    }
                    return all.isEmpty()
                            ? new ComplaintGrading(ComplaintGrade.GENERAL, List.of("general complaint: handled by the agent"))
                            : new ComplaintGrading(ComplaintGrade.SPECIAL, List.copyOf(all));
                });
    }
}
