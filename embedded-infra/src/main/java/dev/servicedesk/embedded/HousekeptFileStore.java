package dev.servicedesk.embedded;

import java.util.Map;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, with its housekeeping (rewriting mostly empty chunks, moving chunks to
 * shrink the file) run by the caller, on H2's own rules, instead of by a background thread.
 */
final class HousekeptFileStore extends SingleFileStore {

    HousekeptFileStore(Map<String, Object> config) {
        super(config);
    }

    void housekeep(MVStore store) {
        try {
            doHousekeeping(store);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
