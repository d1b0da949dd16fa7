package dev.servicedesk.benchmark.traffic;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tickets the run has created, and where each stands in its lifecycle, so that every command is sent
 * to a ticket whose state allows it. Each stage is a bounded queue, oldest first: departments work on
 * the tickets that waited longest. A ring of recent tickets serves the reads.
 */
public final class TicketPipeline {

    private static final int STAGE_CAPACITY = 20_000;
    private static final int RECENT = 8_192;

    private final Map<LifecycleStep, BlockingQueue<AcceptedTicket>> waiting = new EnumMap<>(LifecycleStep.class);
    private final AtomicReferenceArray<AcceptedTicket> recent = new AtomicReferenceArray<>(RECENT);
    private final AtomicLong accepted = new AtomicLong();

    public TicketPipeline() {
        for (LifecycleStep step : LifecycleStep.values()) {
            waiting.put(step, new ArrayBlockingQueue<>(STAGE_CAPACITY));
        }
    }

    /** A new ticket was accepted: it is ready for progress and for reads. */
    public void accepted(AcceptedTicket ticket) {
        long index = accepted.getAndIncrement();
        recent.set((int) (index % RECENT), ticket);
        waiting.get(LifecycleStep.PROGRESS).offer(ticket);
    }

    /** The oldest ticket waiting for {@code step}, if any. */
    public Optional<AcceptedTicket> take(LifecycleStep step) {
        return Optional.ofNullable(waiting.get(step).poll());
    }

    /** {@code step} was accepted for {@code ticket}: it now waits for the next step. */
    public void advanced(LifecycleStep step, AcceptedTicket ticket) {
        if (step.ordinal() + 1 < LifecycleStep.values().length) {
            waiting.get(LifecycleStep.values()[step.ordinal() + 1]).offer(ticket);
        }
    }

    /** One of the recently accepted tickets, if any. */
    public Optional<AcceptedTicket> recent(SplittableRandom random) {
        long count = accepted.get();
        if (count == 0) {
            return Optional.empty();
        }
        int bound = (int) Math.min(count, RECENT);
        return Optional.ofNullable(recent.get(random.nextInt(bound)));
    }

    public long acceptedCount() {
        return accepted.get();
    }
}
