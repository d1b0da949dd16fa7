package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    private final Classifier classifier = new Classifier(
            RoutingRules.bind("servicedesk.routing.classification", ClassificationProperties.class));

    @Test
    void explicitComplaintOutranksTheAfterSalesRequestItMentions() {
        Classification classification = classifier.classify("我要投诉，退款申请了两周还没到账");

        assertThat(classification.type()).isEqualTo(TicketType.COMPLAINT);
        assertThat(classification.reasons()).anyMatch(reason -> reason.contains("\"投诉\""));
    }

    @Test
    void decisionCarriesTheFiredPhrasesAndTheRunnerUp() {
        Classification classification = classifier.classify("I received the wrong size, please send me the right one");

        assertThat(classification.type()).isEqualTo(TicketType.AFTER_SALES);
        assertThat(classification.subType()).isEqualTo("wrong-or-missing-item");
        assertThat(classification.reasons()).anyMatch(reason -> reason.startsWith("after-sales/wrong-or-missing-item: "));
        assertThat(classification.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void textNoRuleRecognisesIsFlaggedWithLowConfidence() {
        Classification classification = classifier.classify("asdf qwerty 12345");

        assertThat(classification.confidence()).isLessThan(classifier.reviewThreshold());
        assertThat(classification.reasons()).containsExactly("no classification rule fired");
    }

    @Test
    void englishPhrasesMatchWholeWordsAndInflectionsOnly() {
        Phrase fee = new Phrase("fee");
        Phrase refund = new Phrase("refund");

        assertThat(fee.occursIn(Phrase.normalize("Thanks for the feedback"))).isFalse();
        assertThat(fee.occursIn(Phrase.normalize("What is the FEE?"))).isTrue();
        assertThat(refund.occursIn(Phrase.normalize("I was refunded twice"))).isTrue();
        assertThat(new Phrase("退款").occursIn(Phrase.normalize("我的退款还没到"))).isTrue();
        assertThat(new Phrase("vip").occursIn(Phrase.normalize("ＶＩＰ客户"))).isTrue();
    }

    @Test
    void knowsWhichSubTypesBelongToWhichType() {
        assertThat(classifier.knows(TicketType.AFTER_SALES, "refund")).isTrue();
        assertThat(classifier.knows(TicketType.CONSULTATION, "refund")).isFalse();
    }

    @Test
    void textModelProbabilitiesAndFeaturesAreAmongTheReasons() {
        Classification classification = classifier.classify("快递箱子压扁了，里面的盘子碎了三个");

        assertThat(classification.type()).isEqualTo(TicketType.AFTER_SALES);
        assertThat(classification.reasons())
                .anyMatch(reason -> reason.matches("text model: after-sales [01]\\.\\d\\d, [a-z-]+ [01]\\.\\d\\d"))
                .anyMatch(reason -> reason.matches("text model features for after-sales/[a-z-]+: \"[^\"]+\" \\+\\d\\.\\d{3}(, .*)?"));
        assertThat(classification.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void staffCorrectionsAreTrainedOnAndUnknownSubTypesSkipped() {
        ClassificationProperties properties = RoutingRules.bind("servicedesk.routing.classification", ClassificationProperties.class);
        Classifier withCorrections = new Classifier(properties, java.util.List.of(
                new TextModel.Example("after-sales", "refund", "押金 zzqx 退回"),
                new TextModel.Example("after-sales", "no-such-sub-type", "whatever")));

        assertThat(withCorrections.classify("asdf qwerty 12345").reasons()).containsExactly("no classification rule fired");
        assertThat(TextModel.features("Refunds 退款")).contains("w:refund", "c:退", "c:退款");
    }
}
