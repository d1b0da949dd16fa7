package dev.servicedesk.routing.assignment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Department mapping and owners ({@code servicedesk.routing.assignment.*}); wire names throughout.
 *
 * @param byType    the department of each type
 * @param bySubType overrides for sub-types whose work belongs elsewhere
 * @param owners    per department, the people who take first ownership in turn
 */
@ConfigurationProperties("servicedesk.routing.assignment")
public record AssignmentProperties(Map<String, String> byType, Map<String, String> bySubType,
                                   Map<String, List<String>> owners) {

    public AssignmentProperties {
        byType = byType == null ? Map.of() : Map.copyOf(byType);
        bySubType = bySubType == null ? Map.of() : Map.copyOf(bySubType);
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }
}
