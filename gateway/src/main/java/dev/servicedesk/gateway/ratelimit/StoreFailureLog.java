package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs that the bucket store failed at most once per interval, with how many requests were let through
 * since the last line. While the store is down every request fails, and a line each would make logging
 * the gateway's bottleneck.
 */
final class StoreFailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    StoreFailureLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void report(Throwable failure) {
        long now = System.nanoTime();
        long due = nextLineAt.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            long before = unlogged.getAndSet(0);
            log.warn("Rate limit store failed, requests let through without a limit ({} more since the last line): {}",
                    before, failure.toString());
        } else {
            unlogged.incrementAndGet();
            log.debug("Rate limit store failed, request let through: {}", failure.toString());
        }
    }
}
