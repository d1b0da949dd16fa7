package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Priority levels (紧急 / 重要 / 一般). */
public enum Priority {
    @JsonProperty("urgent")
    URGENT,
    @JsonProperty("important")
    IMPORTANT,
    @JsonProperty("normal")
    NORMAL;

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return Priority.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
