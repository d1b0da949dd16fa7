package dev.servicedesk.routing.assignment;

import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps type and sub-type to a department and names one first owner (no passing the buck). The
 * owner is picked from the department's list by the ticket id's hash, so every instance and every
 * redelivery names the same person.
 */
@Component
public class DepartmentAssigner {

    private final Map<TicketType, Department> byType = new EnumMap<>(TicketType.class);
    private final Map<String, Department> bySubType = new HashMap<>();
    private final Map<Department, List<String>> owners = new EnumMap<>(Department.class);

    public DepartmentAssigner(AssignmentProperties properties) {
        for (TicketType type : TicketType.values()) {
            String department = properties.byType().get(type.wireName());
            if (department == null) {
                throw new IllegalStateException("servicedesk.routing.assignment.by-type." + type.wireName() + " is missing");
            }
            byType.put(type, department(department));
        }
        properties.bySubType().forEach((subType, department) -> bySubType.put(subType, department(department)));
        for (Department department : Department.values()) {
            List<String> names = properties.owners().get(department.wireName());
            owners.put(department, names == null || names.isEmpty() ? List.of(department.wireName() + "-duty-lead") : List.copyOf(names));
        }
    }

    public Assignment assign(String ticketId, TicketType type, String subType) {
        Department department = bySubType.get(subType);
        String reason;
        if (department != null) {
            reason = "sub-type " + subType + " goes to " + department.wireName();
        } else {
            department = byType.get(type);
            reason = "type " + type.wireName() + " goes to " + department.wireName();
        }
        List<String> candidates = owners.get(department);
        String owner = candidates.get(Math.floorMod(ticketId.hashCode(), candidates.size()));
        return new Assignment(department, owner, reason);
    }

    static Department department(String wireName) {
        for (Department department : Department.values()) {
            if (department.wireName().equals(wireName)) {
                return department;
            }
        }
        throw new IllegalStateException("unknown department '" + wireName + "' in servicedesk.routing.assignment");
    }
}
