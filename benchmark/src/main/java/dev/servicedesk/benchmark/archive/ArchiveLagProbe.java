package dev.servicedesk.benchmark.archive;

import dev.servicedesk.benchmark.traffic.AcceptedTicket;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end lag: for one accepted ticket in {@code sampleEvery}, the time from its 202 until the
 * archive's ticket view shows its routed classification. Each sampled ticket is polled, first after
 * 50 ms, then at intervals doubling up to 1 s, so a lag is overstated by at most that interval. At
 * most {@code maxWatched} tickets are polled at once, so a stalled archive is not also flooded.
 */
public final class ArchiveLagProbe {

    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);
    private static final long HIGHEST = TimeUnit.HOURS.toNanos(2);

    private final HttpClient client;
    private final int sampleEvery;
    private final int maxWatched;
    private final Duration giveUpAfter;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicInteger watching = new AtomicInteger();
    private final LongAdder notSampled = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final Histogram lag = new ConcurrentHistogram(HIGHEST, 3);
    private final Map<String, LongAdder> types = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> priorities = new ConcurrentHashMap<>();

    public ArchiveLagProbe(HttpClient client, int sampleEvery, int maxWatched, Duration giveUpAfter) {
        this.client = client;
        this.sampleEvery = sampleEvery;
        this.maxWatched = maxWatched;
        this.giveUpAfter = giveUpAfter;
    }

    public void accepted(AcceptedTicket ticket) {
        if (offered.incrementAndGet() % sampleEvery != 0) {
            return;
        }
        if (watching.incrementAndGet() > maxWatched) {
            watching.decrementAndGet();
            notSampled.increment();
            return;
        }
        poll(ticket, FIRST_POLL);
    }

    private void poll(AcceptedTicket ticket, Duration delay) {
        Mono.delay(delay)
                .then(ArchivedTicket.classification(client, ticket.ticketId()))
                .subscribe(classification -> {
                    long elapsed = System.nanoTime() - ticket.acceptedAtNanos();
                    if (classification.isPresent()) {
                        lag.recordValue(Math.min(elapsed, HIGHEST));
                        types.computeIfAbsent(classification.get().type(), type -> new LongAdder()).increment();
                        priorities.computeIfAbsent(classification.get().priority(), p -> new LongAdder()).increment();
                        watching.decrementAndGet();
                    } else if (elapsed > giveUpAfter.toNanos()) {
                        gaveUp.increment();
                        watching.decrementAndGet();
                    } else {
                        Duration next = delay.multipliedBy(2);
                        poll(ticket, next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next);
                    }
                });
    }

    /** Waits until every sampled ticket was seen or given up on, at most {@code max}. */
    public boolean awaitSeen(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (watching.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return watching.get() == 0;
    }

    public LagReport report() {
        return new LagReport(sampleEvery, lag.getTotalCount(), watching.get(), gaveUp.sum(), notSampled.sum(),
                millis(50), millis(99), lag.getTotalCount() == 0 ? Double.NaN : lag.getMaxValue() / 1e6,
                counts(types), counts(priorities));
    }

    private double millis(double percentile) {
        return lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(percentile) / 1e6;
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /**
     * @param seen         sampled tickets seen in the archive with their classification
     * @param stillWaiting sampled tickets not seen when the report was taken
     * @param gaveUp       sampled tickets not seen within the give-up time
     * @param notSampled   tickets due for sampling but skipped because too many were being polled
     */
    public record LagReport(int sampleEvery, long seen, long stillWaiting, long gaveUp, long notSampled,
                            double p50Millis, double p99Millis, double maxMillis,
                            Map<String, Long> classificationTypes, Map<String, Long> priorities) {
    }
}
