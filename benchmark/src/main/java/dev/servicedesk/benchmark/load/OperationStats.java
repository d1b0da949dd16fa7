package dev.servicedesk.benchmark.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of one operation by status, and the latency of its successful answers (202 or 200),
 * from when each request was due. Requests cut off while the stack was deliberately down, and
 * slots left unused because no ticket was in a state for the command, are counted apart.
 */
public final class OperationStats {

    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(5);

    private final Operation operation;
    private final Histogram latency = new ConcurrentHistogram(HIGHEST, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder interrupted = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    OperationStats(Operation operation) {
        this.operation = operation;
    }

    void record(Answer answer, long latencyNanos, boolean stackDown) {
        if (answer.status() == 0 && stackDown) {
            interrupted.increment();
            return;
        }
        statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
        if (answer.status() == 0) {
            failures.computeIfAbsent(answer.error(), error -> new LongAdder()).increment();
        }
        if (answer.status() == operation.success()) {
            latency.recordValue(Math.min(Math.max(latencyNanos, 0), HIGHEST));
        }
    }

    void markSkipped() {
        skipped.increment();
    }

    public Operation operation() {
        return operation;
    }

    /** Status code to count; 0 means no answer. */
    public Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    public Map<String, Long> failureReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        failures.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }

    public long sent() {
        return statusCounts().values().stream().mapToLong(Long::longValue).sum() + interrupted.sum();
    }

    public long succeeded() {
        return latency.getTotalCount();
    }

    public long interrupted() {
        return interrupted.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    /** Statuses outside what {@link Operation#isLegitimate(int)} allows, with their counts. */
    public Map<Integer, Long> illegitimate() {
        Map<Integer, Long> bad = new TreeMap<>();
        statusCounts().forEach((status, count) -> {
            if (!operation.isLegitimate(status)) {
                bad.put(status, count);
            }
        });
        return bad;
    }

    /** Latency of successful answers at {@code percentile}, in milliseconds; NaN when none. */
    public double latencyMillis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
    }
}
