package dev.servicedesk.routing.priority;

import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityAssessorTest {

    private final PriorityAssessor assessor = new PriorityAssessor(
            RoutingRules.bind("servicedesk.routing.priority", PriorityProperties.class));

    @Test
    void routineQuestionIsNormalButFromAVipItIsImportant() {
        String text = "请问会员积分怎么兑换";

        assertThat(assessor.assess(text, TicketType.CONSULTATION, "policy", CustomerTier.NORMAL, false).priority())
                .isEqualTo(Priority.NORMAL);
        PriorityAssessment vip = assessor.assess(text, TicketType.CONSULTATION, "policy", CustomerTier.VIP, false);
        assertThat(vip.priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(vip.reasons()).contains("VIP customer");
    }

    @Test
    void brokenFunctionAffectingAWholeCompanyIsUrgent() {
        PriorityAssessment assessment = assessor.assess("打印机坏了，整个公司都没法打印", TicketType.PROBLEM_FEEDBACK,
                "malfunction", CustomerTier.NORMAL, false);

        assertThat(assessment.priority()).isEqualTo(Priority.URGENT);
        assertThat(assessment.reasons()).anyMatch(reason -> reason.startsWith("wide impact"));
    }

    @Test
    void gasSmellIsAnUrgentSafetyHazard() {
        PriorityAssessment assessment = assessor.assess("厨房里有很重的煤气味", TicketType.PROBLEM_FEEDBACK,
                "malfunction", CustomerTier.NORMAL, false);

        assertThat(assessment.priority()).isEqualTo(Priority.URGENT);
        assertThat(assessment.safetyHazard()).isTrue();
    }

    @Test
    void accountTakeoverAndIntakesOwnUrgentAcknowledgementAreUrgent() {
        assertThat(assessor.assess("Someone hacked my account", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
        assertThat(assessor.assess("please call me", TicketType.CONSULTATION, "usage", CustomerTier.NORMAL, true).reasons())
                .containsExactly("intake acknowledged it as urgent");
    }
}
