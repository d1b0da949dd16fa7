package dev.servicedesk.routing.priority;

import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.classification.Phrase;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the priority (DOMAIN §2): urgent when core business or security is affected (outage,
 * account takeover, safety hazards, or intake's own urgent acknowledgement); important when an
 * experience or function is broken (a broken-function phrase or a malfunction sub-type), and for
 * complaints; otherwise normal. A wide scope of impact
 * raises one level; a VIP customer raises normal to important (a VIP alone never makes a ticket urgent).
 */
@Component
public class PriorityAssessor {

    private final Map<String, List<Phrase>> urgent;
    private final List<Phrase> safetyHazards;
    private final List<Phrase> important;
    private final List<Phrase> scope;
    private final List<String> importantTypes;
    private final List<String> importantSubTypes;

    public PriorityAssessor(PriorityProperties properties) {
        this.urgent = properties.urgent().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> phrases(e.getValue())));
        this.safetyHazards = phrases(properties.safetyHazards());
        this.important = phrases(properties.important());
        this.scope = phrases(properties.scope());
        this.importantTypes = properties.importantTypes();
        this.importantSubTypes = properties.importantSubTypes();
    }

    private static List<Phrase> phrases(List<String> raw) {
        return raw.stream().map(Phrase::new).toList();
    }

    public PriorityAssessment assess(String text, TicketType type, String subType, CustomerTier tier, boolean intakeUrgent) {
        String normalized = Phrase.normalize(text);
        List<String> reasons = new ArrayList<>();
        Priority priority = Priority.NORMAL;

        Phrase hazard = firstIn(safetyHazards, normalized);
        if (hazard != null) {
            priority = Priority.URGENT;
            reasons.add("safety hazard: \"" + hazard + "\"");
        }
        for (Map.Entry<String, List<Phrase>> group : urgent.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Phrase signal = firstIn(group.getValue(), normalized);
            if (signal != null) {
                priority = Priority.URGENT;
                reasons.add(group.getKey() + ": \"" + signal + "\"");
            }
        }
        if (intakeUrgent && priority != Priority.URGENT) {
            priority = Priority.URGENT;
            reasons.add("intake acknowledged it as urgent");
        }
        if (priority == Priority.NORMAL) {
            Phrase broken = firstIn(important, normalized);
            if (broken != null) {
                priority = Priority.IMPORTANT;
                reasons.add("experience affected: \"" + broken + "\"");
            } else if (type != null && importantTypes.contains(type.wireName())) {
                priority = Priority.IMPORTANT;
                reasons.add(type.wireName() + " is at least important");
            } else if (subType != null && importantSubTypes.contains(subType)) {
                priority = Priority.IMPORTANT;
                reasons.add(subType + ": a function is broken");
            }
        }
        Phrase wide = firstIn(scope, normalized);
        if (wide != null && priority != Priority.URGENT) {
            priority = priority == Priority.NORMAL ? Priority.IMPORTANT : Priority.URGENT;
            reasons.add("wide impact: \"" + wide + "\"");
        }
        if (tier == CustomerTier.VIP && priority == Priority.NORMAL) {
            priority = Priority.IMPORTANT;
            reasons.add("VIP customer");
        }
        if (reasons.isEmpty()) {
            reasons.add("routine request");
        }
        return new PriorityAssessment(priority, hazard != null, List.copyOf(reasons));
    }

    private static Phrase firstIn(List<Phrase> phrases, String normalized) {
        for (Phrase phrase : phrases) {
            if (phrase.occursIn(normalized)) {
                return phrase;
            }
        }
        return null;
    }
}
