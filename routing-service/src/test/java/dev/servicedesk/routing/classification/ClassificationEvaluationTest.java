package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingRules;
import dev.servicedesk.routing.priority.PriorityAssessor;
import dev.servicedesk.routing.priority.PriorityProperties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frozen evaluation set ({@code classification/evaluation.tsv}): 340 cases written before the last round of
 * changes and never trained or tuned on. Prints the confusion matrices per type and per priority and holds the
 * classifier to {@link Targets}.
 */
class ClassificationEvaluationTest {

    private static final String FROZEN_SET = "/classification/evaluation.tsv";
    private static final Set<String> CHANNELS = Set.of("phone", "chat", "email", "app", "web-form", "social", "counter");

    private final ClassificationProperties rules = RoutingRules.bind("servicedesk.routing.classification", ClassificationProperties.class);
    private final Classifier classifier = new Classifier(rules);
    private final PriorityAssessor priorities = new PriorityAssessor(
            RoutingRules.bind("servicedesk.routing.priority", PriorityProperties.class));
    private final List<LabelledCase> cases = LabelledCase.load(FROZEN_SET);

    @Test
    void frozenSetCoversEveryTypeSubTypePriorityTierChannelAndLanguage() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        Set<String> configured = rules.types().entrySet().stream()
                .flatMap(type -> type.getValue().subTypes().keySet().stream().map(sub -> type.getKey() + "/" + sub))
                .collect(Collectors.toSet());
        assertThat(cases.stream().map(LabelledCase::label).collect(Collectors.toSet())).isEqualTo(configured);
        for (String label : configured) {
            assertThat(cases.stream().filter(c -> c.label().equals(label))).as(label).hasSizeGreaterThanOrEqualTo(14);
        }
        assertThat(cases.stream().map(LabelledCase::priority).collect(Collectors.toSet())).containsExactlyInAnyOrder(Priority.values());
        assertThat(cases.stream().filter(c -> c.priority() == Priority.URGENT)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(LabelledCase::tier).collect(Collectors.toSet())).containsExactlyInAnyOrder(CustomerTier.values());
        assertThat(cases.stream().map(LabelledCase::channel).collect(Collectors.toSet())).isEqualTo(CHANNELS);
        assertThat(cases).anyMatch(c -> c.text().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF))
                .anyMatch(c -> c.text().codePoints().noneMatch(cp -> cp >= 0x2E80));
    }

    /**
     * Targets not reached yet on the frozen set (see the routing README for the figures): reported as open gaps instead
     * of failing the build. A gap that closes fails this test until it is taken off the list, so the list only shrinks
     * and every target off it is enforced.
     */
    private static final Set<String> OPEN_GAPS = Set.of("urgent recall");

    @Test
    void frozenSetMeetsTheTargetsPerTypeAndPriority() {
        Evaluation evaluation = Evaluation.run("frozen evaluation set", cases, classifier, priorities);
        System.out.println(evaluation.report(false));

        SoftAssertions targets = new SoftAssertions();
        target(targets, "type accuracy", evaluation.types.accuracy(), Targets.TYPE_ACCURACY);
        for (TicketType type : TicketType.values()) {
            double floor = type == TicketType.COMPLAINT ? Targets.COMPLAINT_RECALL : Targets.TYPE_RECALL;
            target(targets, type.wireName() + " recall", evaluation.types.recall(type), floor);
        }
        target(targets, "priority accuracy", evaluation.priorities.accuracy(), Targets.PRIORITY_ACCURACY);
        target(targets, "urgent recall", evaluation.priorities.recall(Priority.URGENT), Targets.URGENT_RECALL);
        target(targets, "urgent precision", evaluation.priorities.precision(Priority.URGENT), Targets.URGENT_PRECISION);
        targets.assertAll();
    }

    private static void target(SoftAssertions targets, String name, double measured, double target) {
        if (OPEN_GAPS.contains(name)) {
            System.out.printf("open gap: %s %.1f%% against a target of %.1f%%%n", name, measured, target);
            targets.assertThat(measured).as(name + " reached its target: take it off OPEN_GAPS so it is enforced").isLessThan(target);
        } else {
            targets.assertThat(measured).as(name).isGreaterThanOrEqualTo(target);
        }
    }
}
