package dev.servicedesk.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes the store's file to the disk at a fixed interval. The store reuses the space of a
 * superseded chunk only after its retention time, and H2 assumes the disk has written everything
 * within that time to find a complete version after an operating-system crash; without flushes the
 * kernel may hold writes back for longer (30 s by default on Linux). An operating-system crash
 * cannot be provoked in the tests, so this rests on H2's design, not on a test.
 */
final class PeriodicSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSync.class);

    private final ScheduledExecutorService timer;

    PeriodicSync(MVStore store, Duration every) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-sync");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(() -> sync(store), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void sync(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.sync();
            }
        } catch (RuntimeException failure) {
            LOG.error("H2 store could not be flushed to the disk", failure);
        }
    }

    /** Stops flushing; the store's own close writes and flushes what is left. */
    @Override
    public void close() {
        // not shutdownNow: interrupting a thread in FileChannel.force closes the channel, and with it the store's file
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
