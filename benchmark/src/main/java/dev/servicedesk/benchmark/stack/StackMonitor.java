package dev.servicedesk.benchmark.stack;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the stack every two seconds while the run lasts: consumer lag of every group, heap in use,
 * CPU time and the database's size on disk, keeping the maxima. A sample that fails (the stack is
 * down) is skipped.
 */
public final class StackMonitor implements AutoCloseable {

    private final ConsumerLag lag;
    private final HeapGauge heap;
    private final LongSupplier cpuNanos;
    private final LongSupplier databaseBytes;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stack-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Long> maxLag = Map.of();
    private volatile long maxHeap;
    private volatile long maxDatabase;

    /** @param databaseBytes the database's size on disk, or 0 when not known */
    public StackMonitor(ConsumerLag lag, HeapGauge heap, LongSupplier cpuNanos, LongSupplier databaseBytes) {
        this.lag = lag;
        this.heap = heap;
        this.cpuNanos = cpuNanos;
        this.databaseBytes = databaseBytes;
    }

    public StackMonitor start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, 2, TimeUnit.SECONDS);
        return this;
    }

    private void sample() {
        try {
            maxLag = ConsumerLag.max(maxLag, lag.sample());
            OptionalLong used = heap.usedBytes();
            if (used.isPresent()) {
                maxHeap = Math.max(maxHeap, used.getAsLong());
            }
            cpuNanos.getAsLong();
            maxDatabase = Math.max(maxDatabase, databaseBytes.getAsLong());
        } catch (RuntimeException e) {
            // the stack is down (kill test) or busy; the next sample will tell
        }
    }

    public Map<String, Long> maxLag() {
        return new TreeMap<>(maxLag);
    }

    public long maxHeapBytes() {
        return maxHeap;
    }

    /** The database's largest size on disk in any sample: its file grows and shrinks as the store reuses space. */
    public long maxDatabaseBytes() {
        return maxDatabase;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
