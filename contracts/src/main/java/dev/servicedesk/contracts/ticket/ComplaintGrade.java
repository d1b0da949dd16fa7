package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** General complaints are handled by the agent; special ones get a complaint handling form (投诉处理单). */
public enum ComplaintGrade {
    @JsonProperty("general")
    GENERAL,
    @JsonProperty("special")
    SPECIAL;

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return ComplaintGrade.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
