package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.contracts.ticket.WireNamed;
import dev.servicedesk.routing.priority.PriorityAssessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the classifier and the priority rules over a labelled set: confusion matrices per type and per
 * priority, sub-type accuracy, accuracy per channel, how many were flagged for review, and the misses.
 */
final class Evaluation {

    final String name;
    final ConfusionMatrix<TicketType> types = new ConfusionMatrix<>(List.of(TicketType.values()), WireNamed::wireName);
    final ConfusionMatrix<Priority> priorities = new ConfusionMatrix<>(List.of(Priority.values()), WireNamed::wireName);
    private final Map<String, int[]> byChannel = new TreeMap<>();
    private final Map<TicketType, int[]> subTypes = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private int flagged;
    private int confidentHits;

    private Evaluation(String name) {
        this.name = name;
    }

    static Evaluation run(String name, List<LabelledCase> cases, Classifier classifier, PriorityAssessor assessor) {
        Evaluation evaluation = new Evaluation(name);
        for (LabelledCase labelled : cases) {
            Classification classification = classifier.classify(labelled.text());
            Priority priority = assessor.assess(labelled.text(), classification.type(), classification.subType(),
                    labelled.tier(), false).priority();
            evaluation.add(labelled, classification, priority, classifier.reviewThreshold());
        }
        return evaluation;
    }

    private void add(LabelledCase labelled, Classification classification, Priority priority, double reviewThreshold) {
        boolean typeHit = classification.type() == labelled.type();
        boolean subTypeHit = typeHit && classification.subType().equals(labelled.subType());
        boolean priorityHit = priority == labelled.priority();
        types.add(labelled.type(), classification.type());
        priorities.add(labelled.priority(), priority);
        int[] sub = subTypes.computeIfAbsent(labelled.type(), type -> new int[2]);
        sub[0]++;
        sub[1] += subTypeHit ? 1 : 0;
        int[] channel = byChannel.computeIfAbsent(labelled.channel(), c -> new int[3]);
        channel[0]++;
        channel[1] += typeHit ? 1 : 0;
        channel[2] += priorityHit ? 1 : 0;
        if (classification.confidence() < reviewThreshold) {
            flagged++;
        } else {
            confidentHits += typeHit ? 1 : 0;
        }
        if (!subTypeHit || !priorityHit) {
            misses.add(String.format("  expected %s %s, got %s/%s %s (%.2f): %s", labelled.label(), labelled.priority().wireName(),
                    classification.type().wireName(), classification.subType(), priority.wireName(), classification.confidence(),
                    labelled.text()));
        }
    }

    double subTypeAccuracy() {
        int cases = subTypes.values().stream().mapToInt(c -> c[0]).sum();
        int hits = subTypes.values().stream().mapToInt(c -> c[1]).sum();
        return cases == 0 ? 0 : 100.0 * hits / cases;
    }

    /**
     * @param withMisses list every case with a wrong sub-type or priority; left out for the frozen evaluation set,
     *                   whose cases must not guide a change
     */
    String report(boolean withMisses) {
        int total = types.total();
        StringBuilder report = new StringBuilder(String.format("%n===== %s: %d cases =====%n", name, total));
        report.append(types.format("type")).append('\n');
        report.append(String.format("sub-type accuracy %.1f%%:", subTypeAccuracy()));
        subTypes.forEach((type, c) -> report.append(String.format(" %s %.1f%%", type.wireName(), 100.0 * c[1] / c[0])));
        report.append("\n\n").append(priorities.format("priority")).append('\n');
        if (byChannel.size() > 1 || !byChannel.containsKey(LabelledCase.UNSPECIFIED)) {
            report.append(String.format("%-12s %6s %8s %10s%n", "channel", "cases", "type", "priority"));
            byChannel.forEach((channel, c) -> report.append(String.format("%-12s %6d %7.1f%% %9.1f%%%n",
                    channel, c[0], 100.0 * c[1] / c[0], 100.0 * c[2] / c[0])));
        }
        int confident = total - flagged;
        report.append(String.format("flagged for staff review: %d of %d (%.1f%%); type accuracy of the rest: %.1f%%%n",
                flagged, total, 100.0 * flagged / total, confident == 0 ? 0.0 : 100.0 * confidentHits / confident));
        if (withMisses) {
            report.append("misses (sub-type or priority):\n").append(String.join("\n", misses)).append('\n');
        }
        return report.toString();
    }
}
