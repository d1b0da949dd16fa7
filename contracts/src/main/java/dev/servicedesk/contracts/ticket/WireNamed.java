package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enum whose constants carry their wire name in {@link JsonProperty}, so JSON and code agree on it. */
public interface WireNamed {

    String name();

    /** The name used on the wire and in URLs; read from the annotation once per constant. */
    default String wireName() {
        return WireNameCache.BY_CLASS.get(getClass()).computeIfAbsent(name(), constant -> {
            try {
                return getClass().getField(constant).getAnnotation(JsonProperty.class).value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
