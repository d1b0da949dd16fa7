package dev.servicedesk.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.security.Caller;
import dev.servicedesk.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ActorsTest {

    private static final Caller AGENT = new Caller("alice", Set.of(Role.AGENT), null, null);
    private static final Caller AFTER_SALES = new Caller("after-sales-system", Set.of(Role.DEPARTMENT), "after-sales", null);

    @Test
    void actorOfEveryStepIsTheTokensSubjectWhateverTheBodyClaims() {
        assertThat(Actors.stamped(new TicketClosed("mallory", "done"), AGENT)).isEqualTo(new TicketClosed("alice", "done"));
        assertThat(Actors.stamped(new CustomerContacted("mallory", Channel.PHONE, false, "called"), AGENT))
                .isEqualTo(new CustomerContacted("alice", Channel.PHONE, false, "called"));
    }

    @Test
    void departmentReportsForItsOwnDepartmentOnlyAndByDefault() {
        assertThat(Actors.stamped(new ProgressReported(null, "x", "part shipped"), AFTER_SALES))
                .isEqualTo(new ProgressReported(Department.AFTER_SALES, "after-sales-system", "part shipped"));
        assertThatThrownBy(() -> Actors.stamped(new ProgressReported(Department.TECHNICAL_SUPPORT, "x", "fixed"), AFTER_SALES))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(Actors.actingDepartment(AFTER_SALES)).isEqualTo("after-sales");
        assertThat(Actors.actingDepartment(AGENT)).isNull();
    }
}
