package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four request types (需求分类). */
public enum TicketType {
    @JsonProperty("consultation")
    CONSULTATION,
    @JsonProperty("problem-feedback")
    PROBLEM_FEEDBACK,
    @JsonProperty("complaint")
    COMPLAINT,
    @JsonProperty("after-sales")
    AFTER_SALES;

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return TicketType.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
