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

    @Test
    void goodsBrokenOnTheWayAreARoutineClaimUnlessTheCustomerIsVip() {
        String text = "The box arrived crushed and the teapot inside is broken";

        assertThat(assessor.assess(text, TicketType.AFTER_SALES, "damaged-parcel", CustomerTier.NORMAL, false).priority())
                .isEqualTo(Priority.NORMAL);
        assertThat(assessor.assess("快递到了，里面的碗全摔坏了，不能用了", TicketType.AFTER_SALES, "damaged-parcel",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
        assertThat(assessor.assess(text, TicketType.AFTER_SALES, "damaged-parcel", CustomerTier.VIP, false).priority())
                .isEqualTo(Priority.IMPORTANT);
    }

    @Test
    void functionThatStoppedWorkingIsImportantWithoutTheWordBroken() {
        assertThat(assessor.assess("冰箱不制冷了，麻烦安排师傅上门", TicketType.AFTER_SALES, "repair",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(assessor.assess("The kettle stopped heating after a week", TicketType.AFTER_SALES, "quality-problem",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(assessor.assess("音箱连上了但是没有声音", TicketType.AFTER_SALES, "repair",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.IMPORTANT);
    }

    @Test
    void deniedHazardIsNoHazardButAHazardInAnotherClauseStillIs() {
        PriorityAssessment denied = assessor.assess("No smoke or burning smell, but the heater stopped heating",
                TicketType.PROBLEM_FEEDBACK, "malfunction", CustomerTier.NORMAL, false);
        assertThat(denied.priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(denied.safetyHazard()).isFalse();
        assertThat(assessor.assess("没有闻到燃气味，就是灶台点不着火", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).safetyHazard()).isFalse();

        PriorityAssessment reported = assessor.assess("The oven glass exploded, luckily nobody was hurt",
                TicketType.PROBLEM_FEEDBACK, "malfunction", CustomerTier.NORMAL, false);
        assertThat(reported.priority()).isEqualTo(Priority.URGENT);
        assertThat(reported.safetyHazard()).isTrue();
    }

    @Test
    void suppositionAboutSafetyOrSecurityIsARoutineQuestion() {
        assertThat(assessor.assess("如果账号被盗了应该怎么处理", TicketType.CONSULTATION, "usage",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
        PriorityAssessment heater = assessor.assess("Does the heater switch itself off to prevent a fire if it tips over?",
                TicketType.CONSULTATION, "product-function", CustomerTier.NORMAL, false);
        assertThat(heater.priority()).isEqualTo(Priority.NORMAL);
        assertThat(heater.safetyHazard()).isFalse();
    }

    @Test
    void gasApplianceIsNoHazardButTheSmellOfGasIs() {
        assertThat(assessor.assess("燃气热水器打不着火", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(assessor.assess("厨房里一股燃气味", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).safetyHazard()).isTrue();
    }

    @Test
    void accountTheCustomerCannotGetIntoIsUrgent() {
        assertThat(assessor.assess("I can't get into my account since yesterday", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
        assertThat(assessor.assess("账户进不去了，一直说密码错误", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void businessThatCannotTakePaymentsIsUrgent() {
        assertThat(assessor.assess("收银机从中午开始无法收款", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void outageBehindAFeeWaiverIsOverAndDoesNotMakeItUrgent() {
        assertThat(assessor.assess("上周你们系统故障，我们停用了两天，申请减免这个月的服务费", TicketType.AFTER_SALES, "fee-waiver",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void scopeWordsInAQuestionSayWhoAsksNotWhoIsAffected() {
        assertThat(assessor.assess("全公司一起开通企业版有折扣吗", TicketType.CONSULTATION, "fees",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
        assertThat(assessor.assess("全公司的电脑都连不上网", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void someoneElseUsingTheCustomersCardOrIdentityIsAnUrgentSecurityRisk() {
        PriorityAssessment chinese = assessor.assess("有人拿我的身份证复印件办了卡，我想问问怎么处理", TicketType.PROBLEM_FEEDBACK,
                "malfunction", CustomerTier.NORMAL, false);
        PriorityAssessment english = assessor.assess("A stranger has been paying with my card on your site", TicketType.AFTER_SALES,
                "refund", CustomerTier.NORMAL, false);

        assertThat(chinese.priority()).isEqualTo(Priority.URGENT);
        assertThat(chinese.reasons()).contains("security: \"有人\" with \"身份\"");
        assertThat(english.priority()).isEqualTo(Priority.URGENT);
        assertThat(assessor.assess("Can someone help me update the card on my account?", TicketType.CONSULTATION, "usage",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void brokenFunctionThatStopsABusinessIsUrgentButTheSameWordsInAQuestionAreNot() {
        PriorityAssessment outage = assessor.assess("The ticket scanner at our gym shows an error, members are queuing outside",
                TicketType.PROBLEM_FEEDBACK, "malfunction", CustomerTier.NORMAL, false);

        assertThat(outage.priority()).isEqualTo(Priority.URGENT);
        assertThat(outage.reasons()).contains("core business affected: \"our gym\"");
        assertThat(assessor.assess("Does the scanner work for members at our gym too?", TicketType.CONSULTATION,
                "product-function", CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void askingHowToFreezeACardReportsNoMisuse() {
        assertThat(assessor.assess("请问银行卡要怎么冻结", TicketType.CONSULTATION, "usage", CustomerTier.NORMAL, false).priority())
                .isEqualTo(Priority.NORMAL);
        assertThat(assessor.assess("How do I freeze my card before travelling?", TicketType.CONSULTATION, "usage",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.NORMAL);
        assertThat(assessor.assess("请马上冻结我的卡，刚被盗刷了", TicketType.PROBLEM_FEEDBACK, "malfunction",
                CustomerTier.NORMAL, false).priority()).isEqualTo(Priority.URGENT);
    }
}
