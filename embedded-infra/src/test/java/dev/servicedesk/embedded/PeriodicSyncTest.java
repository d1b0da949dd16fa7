package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodicSyncTest {

    @TempDir
    Path dir;

    @Test
    void flushesTheStoreFileAtItsIntervalUntilClosed() {
        AtomicInteger flushes = new AtomicInteger();
        SingleFileStore file = new SingleFileStore(new HashMap<>()) {
            @Override
            public void sync() {
                flushes.incrementAndGet();
                super.sync();
            }
        };
        file.open(dir.resolve("store.mv").toString(), false, null);
        try (MVStore store = new MVStore.Builder().adoptFileStore(file).open()) {
            PeriodicSync sync = new PeriodicSync(store, Duration.ofMillis(20));

            await().atMost(Duration.ofSeconds(5)).until(() -> flushes.get() >= 3);
            sync.close();
            int flushed = flushes.get();

            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> flushes.get() == flushed);
            assertThat(flushes.get()).isEqualTo(flushed);
        }
    }
}
