package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreFileTest {

    private static final int COMMITS = 150;

    @TempDir
    Path dir;

    @Test
    void opensWithTheSettingsTheStoreReliesOn() {
        try (MVStore store = H2StoreFile.open(dir.resolve("settings.mv"))) {
            assertThat(store.getFileStore().getMaxPageSize()).isEqualTo(H2StoreFile.PAGE_BYTES);
            assertThat(store.getFileStore().getCacheSize()).isEqualTo(H2StoreFile.CACHE_MEGABYTES);
            assertThat(store.getRetentionTime()).isEqualTo(H2StoreFile.RETENTION_MILLIS);

            MVMap<Integer, String> documents = store.openMap("documents");
            for (int i = 0; i < 1_000; i++) {
                documents.put(i, "the same text again and again ".repeat(40));
            }
            store.commit();
            assertThat(store.getFileStore().size()).as("compressed: 1.2 MB of repeated text").isLessThan(300_000);
        }
    }

    /**
     * A copy of the file taken right after a commit holds what a kill -9 at that moment leaves on
     * disk: the process's writes are in the operating system's cache, nothing after them is.
     */
    @Test
    void theFileAsAKilledProcessLeavesItReopensWithEveryCommitEvenWhenSpaceIsReused() throws IOException {
        Path file = dir.resolve("store.mv");
        List<String> lost = new ArrayList<>();
        try (MVStore store = H2StoreFile.open(file)) {
            store.setAutoCommitDelay(0); // no background writes while the file is copied
            store.setRetentionTime(0); // reuse freed space at once, as a busy store does after its retention time
            MVMap<Integer, String> documents = store.openMap("documents");
            Random random = new Random(7);
            for (int commit = 1; commit <= COMMITS; commit++) {
                for (int i = random.nextInt(40); i >= 0; i--) {
                    documents.put(random.nextInt(2_000), "x".repeat(random.nextInt(300)));
                }
                documents.put(-1, "commit " + commit);
                store.commit();

                String reopened = reopenCopy(file, commit);
                if (!("commit " + commit).equals(reopened)) {
                    lost.add("commit " + commit + " reopened as " + reopened);
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    private String reopenCopy(Path file, int commit) throws IOException {
        Path copy = dir.resolve("copy-" + commit + ".mv");
        Files.copy(file, copy);
        try (MVStore reopened = H2StoreFile.open(copy)) {
            return reopened.<Integer, String>openMap("documents").get(-1);
        } finally {
            Files.delete(copy);
        }
    }
}
