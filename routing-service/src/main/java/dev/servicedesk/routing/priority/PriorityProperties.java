package dev.servicedesk.routing.priority;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Priority signals ({@code servicedesk.routing.priority.*}, shipped in {@code routing-rules.yml}).
 *
 * @param urgent         signal groups that make a ticket urgent, e.g. {@code outage}, {@code security}
 * @param safetyHazards  phrases of safety hazards (gas, electric shock, fire, injury): urgent and escalated
 * @param important      phrases of a broken function or experience: at least important
 * @param scope          phrases of a wide impact (many users, a whole shop): one level up
 * @param importantTypes types that are at least important by themselves (complaints)
 * @param importantSubTypes sub-types that mean a function is broken (malfunctions)
 */
@ConfigurationProperties("servicedesk.routing.priority")
public record PriorityProperties(
        Map<String, List<String>> urgent,
        List<String> safetyHazards,
        List<String> important,
        List<String> scope,
        List<String> importantTypes,
        List<String> importantSubTypes) {

    public PriorityProperties {
        urgent = urgent == null ? Map.of() : Map.copyOf(urgent);
        safetyHazards = safetyHazards == null ? List.of() : List.copyOf(safetyHazards);
        important = important == null ? List.of() : List.copyOf(important);
        scope = scope == null ? List.of() : List.copyOf(scope);
        importantTypes = importantTypes == null ? List.of() : List.copyOf(importantTypes);
        importantSubTypes = importantSubTypes == null ? List.of() : List.copyOf(importantSubTypes);
    }
}
