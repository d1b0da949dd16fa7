package dev.servicedesk.gateway.overload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;

/**
 * How far each event loop is behind: a probe task on every loop reschedules itself each interval and
 * records how late it ran. A loop that is late runs nothing else on time either, including reading the
 * requests waiting on its connections. While a probe is overdue, its overdue time counts at once, so a
 * loop that has just come back from a long stall is seen as behind before its probe runs again.
 */
final class EventLoopLag {

    private final long intervalNanos;
    private final Map<EventLoop, Probe> probes = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    EventLoopLag(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Starts measuring {@code loop} if it is not measured yet. */
    void watch(EventLoop loop) {
        probes.computeIfAbsent(loop, Probe::new);
    }

    /** How far {@code loop} is behind, in nanoseconds; 0 for a loop not watched. */
    long lagNanos(EventLoop loop) {
        Probe probe = probes.get(loop);
        return probe == null ? 0 : probe.lagNanos();
    }

    /** The largest lag of any watched loop, in nanoseconds. */
    long maxLagNanos() {
        return probes.values().stream().mapToLong(Probe::lagNanos).max().orElse(0);
    }

    void stop() {
        stopped = true;
    }

    private final class Probe implements Runnable {

        private final EventLoop loop;
        private volatile long dueAt;
        private volatile long lastLag;

        Probe(EventLoop loop) {
            this.loop = loop;
            scheduleNext();
        }

        long lagNanos() {
            return Math.max(lastLag, System.nanoTime() - dueAt);
        }

        @Override
        public void run() {
            lastLag = Math.max(0, System.nanoTime() - dueAt);
            if (!stopped) {
                scheduleNext();
            }
        }

        private void scheduleNext() {
            dueAt = System.nanoTime() + intervalNanos;
            try {
                loop.schedule(this, intervalNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                probes.remove(loop, this);
            }
        }
    }
}
