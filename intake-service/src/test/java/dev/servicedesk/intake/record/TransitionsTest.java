package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.contracts.ticket.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTest {

    @Test
    void onlyResolvedTicketsClose() {
        for (TicketState state : TicketState.values()) {
            assertThat(Transitions.next(state, new TicketClosed("a", null)).isPresent())
                    .as(state.name()).isEqualTo(state == TicketState.RESOLVED);
        }
    }

    @Test
    void onlyResolvedOrClosedTicketsReopenAndTheyGoBackToWork() {
        for (TicketState state : TicketState.values()) {
            boolean allowed = state == TicketState.RESOLVED || state == TicketState.CLOSED;
            assertThat(Transitions.next(state, new TicketReopened("a", "b")))
                    .as(state.name()).isEqualTo(allowed ? java.util.Optional.of(TicketState.IN_PROGRESS) : java.util.Optional.empty());
        }
    }

    @Test
    void acceptanceNeedsAProposedSolutionAndSupplementNeedsARequest() {
        assertThat(Transitions.next(TicketState.IN_PROGRESS, new SolutionAccepted(null))).isEmpty();
        assertThat(Transitions.next(TicketState.IN_PROGRESS, new InformationSupplied("x", null, null))).isEmpty();
        assertThat(Transitions.next(TicketState.CLOSED, new TicketResolved("a", null))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TicketState.class)
    void contactsAreLoggedInEveryStateWithoutChangingIt(TicketState state) {
        assertThat(Transitions.next(state, new CustomerContacted("a", Channel.PHONE, false, "called"))).contains(state);
    }
}
