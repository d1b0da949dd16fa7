package dev.servicedesk.embedded;

import java.util.Collection;
import java.util.Map;

/**
 * Roughly what a decoded value occupies on the heap. H2 uses it to size its page cache and to
 * decide when a page splits, so it must be cheap and proportional, not exact.
 */
final class MemoryEstimate {

    private static final int REFERENCE = 16;

    private MemoryEstimate() {
    }

    static int of(Object value) {
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + of(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += REFERENCE / 2 + of(element);
            }
            return size;
        }
        return REFERENCE + 8;
    }
}
