package dev.servicedesk.routing.classification;

import java.util.List;
import java.util.function.Function;

/** Counts of expected (rows) against predicted (columns) labels, with recall and precision per label. */
final class ConfusionMatrix<L> {

    private final List<L> labels;
    private final Function<L, String> names;
    private final int[][] counts;

    ConfusionMatrix(List<L> labels, Function<L, String> names) {
        this.labels = List.copyOf(labels);
        this.names = names;
        this.counts = new int[labels.size()][labels.size()];
    }

    void add(L expected, L predicted) {
        counts[labels.indexOf(expected)][labels.indexOf(predicted)]++;
    }

    int expected(L label) {
        int total = 0;
        for (int count : counts[labels.indexOf(label)]) {
            total += count;
        }
        return total;
    }

    int predicted(L label) {
        int column = labels.indexOf(label);
        int total = 0;
        for (int[] row : counts) {
            total += row[column];
        }
        return total;
    }

    int hits(L label) {
        int index = labels.indexOf(label);
        return counts[index][index];
    }

    int total() {
        int total = 0;
        for (L label : labels) {
            total += expected(label);
        }
        return total;
    }

    /** Share of all cases on the diagonal, in percent. */
    double accuracy() {
        int hits = 0;
        for (L label : labels) {
            hits += hits(label);
        }
        return total() == 0 ? 0 : 100.0 * hits / total();
    }

    /** Share of the cases labelled {@code label} that were predicted so, in percent. */
    double recall(L label) {
        return expected(label) == 0 ? 0 : 100.0 * hits(label) / expected(label);
    }

    /** Share of the cases predicted {@code label} that were labelled so, in percent. */
    double precision(L label) {
        return predicted(label) == 0 ? 0 : 100.0 * hits(label) / predicted(label);
    }

    /** Rows: expected; columns: predicted; then recall and precision per label. */
    String format(String title) {
        int width = Math.max(8, labels.stream().mapToInt(label -> names.apply(label).length()).max().orElse(8) + 1);
        StringBuilder table = new StringBuilder(title).append(" (rows expected, columns predicted)\n");
        table.append(String.format("%-" + width + "s", ""));
        labels.forEach(label -> table.append(String.format("%" + width + "s", names.apply(label))));
        table.append(String.format("%8s %8s %10s%n", "cases", "recall", "precision"));
        for (int row = 0; row < labels.size(); row++) {
            L label = labels.get(row);
            table.append(String.format("%-" + width + "s", names.apply(label)));
            for (int column = 0; column < labels.size(); column++) {
                table.append(String.format("%" + width + "d", counts[row][column]));
            }
            table.append(String.format("%8d %7.1f%% %9.1f%%%n", expected(label), recall(label), precision(label)));
        }
        table.append(String.format("accuracy %.1f%% of %d%n", accuracy(), total()));
        return table.toString();
    }
}
