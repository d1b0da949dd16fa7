package dev.servicedesk.intake.admission;

import dev.servicedesk.kit.health.ConsumerLag.Position;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the slowest consumer group needs to work off its backlog, estimated from successive
 * samples of the groups' positions: its lag divided by the rate at which its committed offsets
 * advanced over the last {@code window} (groups commit once per batch, and a batch of a busy group can
 * take many seconds, so a single interval says little).
 * Only intervals that began with the group behind count: a group idle until a burst arrived would
 * otherwise seem as slow as the traffic before the burst.
 *
 * <p>A group that made no progress for a whole window, or whose last sample is that old, does not
 * count: a group that is down or stuck does not process faster when fewer tickets arrive, and what
 * arrives waits for it on the broker.
 */
final class DrainEstimate {

    private final Duration window;
    private final Map<String, Group> groups = new HashMap<>();

    DrainEstimate(Duration window) {
        this.window = window;
    }

    synchronized void sample(Instant at, Map<String, Position> positions) {
        positions.forEach((name, position) -> groups.computeIfAbsent(name, ignored -> new Group()).sample(at, position, window));
    }

    /** The longest any working group needs to catch up; zero when none is behind. */
    synchronized Duration delay(Instant now) {
        double seconds = 0;
        for (Group group : groups.values()) {
            seconds = Math.max(seconds, group.secondsToCatchUp(now, window));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private record Sample(Instant at, long committed, long lag) {
    }

    private static final class Group {

        /** Oldest first; the oldest is at or before the window's start once the window is full. */
        private final Deque<Sample> samples = new ArrayDeque<>();

        void sample(Instant at, Position position, Duration window) {
            Sample newest = samples.peekLast();
            if (newest != null && !at.isAfter(newest.at())) {
                return;
            }
            samples.addLast(new Sample(at, position.committed(), position.lag()));
            Instant windowStart = at.minus(window);
            while (samples.size() > 2 && !secondOldest().at().isAfter(windowStart)) {
                samples.removeFirst();
            }
        }

        private Sample secondOldest() {
            var iterator = samples.iterator();
            iterator.next();
            return iterator.next();
        }

        double secondsToCatchUp(Instant now, Duration window) {
            Instant cutoff = now.minus(window);
            Sample newest = samples.peekLast();
            if (newest == null || newest.lag() == 0 || newest.at().isBefore(cutoff)) {
                return 0;
            }
            long progress = 0;
            long busyNanos = 0;
            Sample previous = null;
            for (Sample sample : samples) {
                if (previous != null && previous.lag() > 0) {
                    progress += sample.committed() - previous.committed();
                    busyNanos += Duration.between(previous.at(), sample.at()).toNanos();
                }
                previous = sample;
            }
            if (busyNanos == 0 || progress <= 0) {
                return 0; // no progress over the whole window: stalled, or never seen working
            }
            return newest.lag() / (progress / (busyNanos / 1e9));
        }
    }
}
