package dev.servicedesk.contracts.ticket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Wire names already read, per enum class: routing names every ticket's type, priority and department. */
final class WireNameCache {

    static final ClassValue<Map<String, String>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private WireNameCache() {
    }
}
