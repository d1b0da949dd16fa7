package dev.servicedesk.embedded;

import java.nio.file.Path;
import java.util.Map;

import org.h2.mvstore.MVStore;

/**
 * Marks a store file with the encoding of its documents, so that a file written with another
 * encoding is refused with an explanation instead of failing on its first read.
 */
final class StoreFormat {

    private static final String MAP = "servicedesk.format";
    private static final String KEY = "documents";
    private static final String BSON = "bson-1";

    private StoreFormat() {
    }

    static void check(MVStore store, Path file) {
        boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith(BsonH2Database.DATA_PREFIX));
        if (hasData && !store.hasMap(MAP)) {
            // closed before the marker map is opened, so the refused file stays as it was and is refused again
            store.close();
            throw new IllegalStateException(file + " holds documents in an older encoding that this version does not read;"
                    + " remove the data folder (or this file) to start with an empty store");
        }
        Map<String, String> format = store.openMap(MAP);
        String encoding = format.putIfAbsent(KEY, BSON);
        if (encoding != null && !encoding.equals(BSON)) {
            store.close();
            throw new IllegalStateException(file + " holds documents encoded as " + encoding + ", which this version does not read");
        }
    }
}
