package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingRules;
import dev.servicedesk.routing.priority.PriorityAssessor;
import dev.servicedesk.routing.priority.PriorityProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the classifier (rules blended with the text model trained on
 * {@code src/main/resources/classification/training.tsv}) on four held-out sets that are never
 * trained on. Prints the table per type and for priority; the targets are 90% type, 85% priority.
 */
class ClassificationAccuracyTest {

    private final Classifier classifier = new Classifier(
            RoutingRules.bind("servicedesk.routing.classification", ClassificationProperties.class));
    private final PriorityAssessor priorities = new PriorityAssessor(
            RoutingRules.bind("servicedesk.routing.priority", PriorityProperties.class));

    @Test
    void heldOutSetMeetsTypeAndPriorityTargets() {
        List<LabelledCase> cases = LabelledCase.load("/classification/holdout.tsv");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);

        double[] accuracy = evaluate("held-out", cases);

        assertThat(accuracy[0]).as("type accuracy").isGreaterThanOrEqualTo(90.0);
        assertThat(accuracy[1]).as("priority accuracy").isGreaterThanOrEqualTo(85.0);
    }

    /**
     * A second held-out set, written after the last rule change: neither the rules nor the text model
     * were adjusted after seeing its misses. Rules alone measured 83.3% type and 93.3% priority; rules
     * blended with the text model measured 90.0% type and 91.7% priority on their first run.
     */
    @Test
    void freshHeldOutSetMeetsTypeAndPriorityTargets() {
        double[] accuracy = evaluate("fresh held-out", LabelledCase.load("/classification/holdout-fresh.tsv"));

        assertThat(accuracy[0]).as("type accuracy").isGreaterThanOrEqualTo(90.0);
        assertThat(accuracy[1]).as("priority accuracy").isGreaterThanOrEqualTo(85.0);
    }

    /**
     * A third held-out set, written before the blended classifier (rules + text model) was first run, and
     * never trained on: 95.1% type, 82.0% priority on its first run (rules alone: 93.4% type, the same 82.0%
     * priority). Its priority misses (damaged parcels rated up for "broken" goods, functions that stopped
     * working without the word "broken", an account the customer cannot get into) were then looked at when
     * the priority rules were next changed, so its 91.8% priority since is optimistic.
     */
    @Test
    void modelHeldOutSetMeetsTypeAndPriorityTargets() {
        List<LabelledCase> cases = LabelledCase.load("/classification/holdout-model.tsv");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);

        double[] accuracy = evaluate("model held-out", cases);

        assertThat(accuracy[0]).as("type accuracy").isGreaterThanOrEqualTo(90.0);
        assertThat(accuracy[1]).as("priority accuracy").isGreaterThanOrEqualTo(91.8);
    }

    /**
     * A fourth held-out set, written for priority (damaged parcels, broken functions, safety hazards and
     * their denials, suppositions, security, scope, VIP) before the priority rules were changed; its misses
     * were looked at only after the change. Before the change: 77.9% type, 69.0% priority; after: 77.9%
     * type, 90.3% priority. After the training corpus grew from 315 to 937 texts and the type got its own
     * model (its cases never read, only its summary figures): 90.3% type, 93.8% priority.
     */
    @Test
    void priorityHeldOutSetMeetsTypeAndPriorityTargets() {
        List<LabelledCase> cases = LabelledCase.load("/classification/holdout-priority.tsv");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);

        double[] accuracy = evaluate("priority held-out", cases);

        assertThat(accuracy[0]).as("type accuracy").isGreaterThanOrEqualTo(90.0);
        assertThat(accuracy[1]).as("priority accuracy").isGreaterThanOrEqualTo(85.0);
    }

    /** The set the rules were adjusted against: printed for comparison with the held-out figures. */
    @Test
    void tuningSetIsClassifiedAtLeastAsWellAsTheTargets() {
        double[] accuracy = evaluate("tuning", LabelledCase.load("/classification/tuning.tsv"));

        assertThat(accuracy[0]).as("type accuracy").isGreaterThanOrEqualTo(90.0);
        assertThat(accuracy[1]).as("priority accuracy").isGreaterThanOrEqualTo(85.0);
    }

    /** @return type and priority accuracy in percent */
    private double[] evaluate(String name, List<LabelledCase> cases) {

        Map<TicketType, int[]> perType = new EnumMap<>(TicketType.class);
        Map<Priority, int[]> perPriority = new EnumMap<>(Priority.class);
        int typeHits = 0;
        int subTypeHits = 0;
        int priorityHits = 0;
        int confident = 0;
        int confidentHits = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledCase labelled : cases) {
            Classification classification = classifier.classify(labelled.text());
            Priority priority = priorities.assess(labelled.text(), classification.type(), classification.subType(), labelled.tier(), false).priority();
            boolean typeHit = classification.type() == labelled.type();
            boolean subTypeHit = typeHit && classification.subType().equals(labelled.subType());
            boolean priorityHit = priority == labelled.priority();
            count(perType.computeIfAbsent(labelled.type(), t -> new int[3]), typeHit, subTypeHit);
            count(perPriority.computeIfAbsent(labelled.priority(), p -> new int[3]), priorityHit, false);
            typeHits += typeHit ? 1 : 0;
            if (classification.confidence() >= classifier.reviewThreshold()) {
                confident++;
                confidentHits += typeHit ? 1 : 0;
            }
            subTypeHits += subTypeHit ? 1 : 0;
            priorityHits += priorityHit ? 1 : 0;
            if (!typeHit || !subTypeHit || !priorityHit) {
                misses.add(String.format("  expected %s/%s %s, got %s/%s %s (%.2f): %s", labelled.type().wireName(),
                        labelled.subType(), labelled.priority().wireName(), classification.type().wireName(),
                        classification.subType(), priority.wireName(), classification.confidence(), labelled.text()));
            }
        }

        StringBuilder table = new StringBuilder("\n" + name + " accuracy (" + cases.size() + " cases)\n");
        table.append(String.format("%-18s %6s %8s %10s%n", "type", "cases", "type %", "sub-type %"));
        perType.forEach((type, c) -> table.append(String.format("%-18s %6d %7.1f%% %9.1f%%%n",
                type.wireName(), c[0], 100.0 * c[1] / c[0], 100.0 * c[2] / c[0])));
        table.append(String.format("%-18s %6d %7.1f%% %9.1f%%%n", "all types", cases.size(),
                100.0 * typeHits / cases.size(), 100.0 * subTypeHits / cases.size()));
        table.append(String.format("%n%-18s %6s %10s%n", "priority", "cases", "priority %"));
        perPriority.forEach((priority, c) -> table.append(String.format("%-18s %6d %9.1f%%%n",
                priority.wireName(), c[0], 100.0 * c[1] / c[0])));
        table.append(String.format("%-18s %6d %9.1f%%%n", "all priorities", cases.size(), 100.0 * priorityHits / cases.size()));
        table.append(String.format("%nflagged for staff review: %d of %d (%.1f%%); type accuracy of the rest: %.1f%%%n",
                cases.size() - confident, cases.size(), 100.0 * (cases.size() - confident) / cases.size(),
                confident == 0 ? 0.0 : 100.0 * confidentHits / confident));
        table.append("Misses:\n").append(String.join("\n", misses));
        System.out.println(table);
        return new double[] {100.0 * typeHits / cases.size(), 100.0 * priorityHits / cases.size()};
    }

    private static void count(int[] counts, boolean hit, boolean secondHit) {
        counts[0]++;
        counts[1] += hit ? 1 : 0;
        counts[2] += secondHit ? 1 : 0;
    }
}
