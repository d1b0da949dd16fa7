package dev.servicedesk.benchmark.stack;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the stack every two seconds while the run lasts: consumer lag of every group, heap in use
 * and CPU time, keeping the maxima. A sample that fails (the stack is down) is skipped.
 */
public final class StackMonitor implements AutoCloseable {

    private final ConsumerLag lag;
    private final HeapGauge heap;
    private final LongSupplier cpuNanos;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stack-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Long> maxLag = Map.of();
    private volatile long maxHeap;

    public StackMonitor(ConsumerLag lag, HeapGauge heap, LongSupplier cpuNanos) {
        this.lag = lag;
        this.heap = heap;
        this.cpuNanos = cpuNanos;
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

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
