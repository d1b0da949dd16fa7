package dev.servicedesk.routing.assignment;

import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentAssignerTest {

    private final DepartmentAssigner assigner = new DepartmentAssigner(
            RoutingRules.bind("servicedesk.routing.assignment", AssignmentProperties.class));

    @Test
    void typesAndSubTypesGoToTheirDepartments() {
        assertThat(assigner.assign("T-1", TicketType.PROBLEM_FEEDBACK, "malfunction").department()).isEqualTo(Department.TECHNICAL_SUPPORT);
        assertThat(assigner.assign("T-1", TicketType.PROBLEM_FEEDBACK, "logistics-delay").department()).isEqualTo(Department.AFTER_SALES);
        assertThat(assigner.assign("T-1", TicketType.CONSULTATION, "policy").department()).isEqualTo(Department.PRODUCT_OPERATIONS);
        assertThat(assigner.assign("T-1", TicketType.COMPLAINT, "service-quality").department()).isEqualTo(Department.COMPLAINT_DESK);
        assertThat(assigner.assign("T-1", TicketType.AFTER_SALES, "refund").department()).isEqualTo(Department.AFTER_SALES);
    }

    @Test
    void theSameTicketAlwaysGetsTheSameFirstOwner() {
        Assignment once = assigner.assign("T-42", TicketType.AFTER_SALES, "repair");
        Assignment again = assigner.assign("T-42", TicketType.AFTER_SALES, "repair");

        assertThat(once.firstOwner()).isEqualTo(again.firstOwner()).isIn("as-lead-li", "as-lead-zhao");
    }
}
