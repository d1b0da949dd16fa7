package dev.servicedesk.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the H2 file behind the embedded database with the settings that the store relies on. */
final class H2StoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreFile.class);
    static final int PAGE_BYTES = 64 * 1024;
    static final int CACHE_MEGABYTES = 256;
    static final int RETENTION_MILLIS = 2_000;

    private H2StoreFile() {
    }

    static MVStore open(Path file) {
        Map<String, Object> fileSettings = new HashMap<>();
        // Pages are compressed one by one, so larger pages compress better. The split size counts a
        // page's decoded size on the heap (MemoryEstimate), several times its BSON, and a page that
        // grows at its end splits in halves: at 16 KB an archive ticket's page held about two tickets.
        // At 100,000 tickets 64 KB pages made the file 4,024 bytes per ticket against 5,198 with 16 KB,
        // at the same CPU per ticket (24.2 against 23.7 ms), though every commit rewrites the pages it
        // touched whole. Copied into fresh files, 128 KB pages came out no smaller than 64 KB ones.
        fileSettings.put("pageSplitSize", PAGE_BYTES);
        // pages read back from the file are decoded again: a cache that holds the hot read models keeps
        // lookups from decoding whole pages as the store grows (H2's default is 16 MB)
        fileSettings.put("cacheSize", CACHE_MEGABYTES);
        NewestChunkRecordingFileStore fileStore = new NewestChunkRecordingFileStore(fileSettings);
        fileStore.open(file.toAbsolutePath().toString(), false, null);
        MVStore store = new MVStore.Builder()
                .adoptFileStore(fileStore)
                // documents repeat their field names and much of their text: LZF roughly halves them on disk
                .compress()
                // H2's writer threads report a failure only to this handler; without it the reason is lost
                .backgroundExceptionHandler((thread, failure) -> LOG.error("H2 store failed in {}", thread.getName(), failure))
                .open();
        // Superseded chunks stay untouched this long before their space is reused. The longer, the
        // larger a busy store's file: H2's default, 45 s, made it many times its data; at 20,000
        // tickets, 5 s left 6,370 bytes per ticket on disk and 2 s 4,946 (at their largest during the
        // load, 6,370 and 5,847). It must exceed the interval of PeriodicSync, so that a chunk's space
        // is reused only once the chunks superseding it are on the disk.
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }
}
