package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enum whose constants carry their wire name in {@link JsonProperty}, so JSON and code agree on it. */
public interface WireNamed {

    String name();

    /** The name used on the wire and in URLs. */
    default String wireName() {
        try {
            return getClass().getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
