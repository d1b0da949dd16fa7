package dev.servicedesk.contracts;

import dev.servicedesk.contracts.events.TicketEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logical type names of every event, derived from the sealed {@link TicketEvent} hierarchy:
 * the record's simple name is its wire name, so adding a record to a stream registers it.
 */
public final class EventTypes {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends TicketEvent>> BY_NAME = new HashMap<>();

    static {
        register(TicketEvent.class);
    }

    private EventTypes() {
    }

    @SuppressWarnings("unchecked")
    private static void register(Class<?> type) {
        if (type.isRecord()) {
            Class<? extends TicketEvent> previous = BY_NAME.put(type.getSimpleName(), (Class<? extends TicketEvent>) type);
            if (previous != null) {
                throw new IllegalStateException("two events named " + type.getSimpleName());
            }
            return;
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            throw new IllegalStateException(type + " must be a sealed interface or a record");
        }
        for (Class<?> subtype : permitted) {
            register(subtype);
        }
    }

    public static String nameOf(Class<? extends TicketEvent> type) {
        if (!BY_NAME.containsKey(type.getSimpleName())) {
            throw new IllegalArgumentException("not an event type: " + type.getName());
        }
        return type.getSimpleName();
    }

    public static Optional<Class<? extends TicketEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, Class<? extends TicketEvent>> all() {
        return Map.copyOf(BY_NAME);
    }
}
