package dev.servicedesk.benchmark.load;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The statistics of every operation over one phase of the run. */
public final class LoadStats {

    private final Map<Operation, OperationStats> byOperation = new EnumMap<>(Operation.class);
    private volatile long startedNanos = System.nanoTime();
    private volatile long endedNanos;

    public LoadStats() {
        for (Operation operation : Operation.values()) {
            byOperation.put(operation, new OperationStats(operation));
        }
    }

    public OperationStats of(Operation operation) {
        return byOperation.get(operation);
    }

    public Collection<OperationStats> all() {
        return byOperation.values();
    }

    void started() {
        startedNanos = System.nanoTime();
    }

    void ended() {
        endedNanos = System.nanoTime();
    }

    /** How long the load was offered, in seconds (up to now while it still runs). */
    public double seconds() {
        long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
        return Math.max(1e-9, (end - startedNanos) / 1e9);
    }
}
