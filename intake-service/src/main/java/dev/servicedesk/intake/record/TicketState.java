package dev.servicedesk.intake.record;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a ticket is in its life (DOMAIN §3-4). */
public enum TicketState {
    /** Registered; no department has reported yet. */
    @JsonProperty("received")
    RECEIVED,
    /** A department is working on it. */
    @JsonProperty("in-progress")
    IN_PROGRESS,
    /** The agent asked the customer for more; waiting for the supplement. */
    @JsonProperty("awaiting-customer")
    AWAITING_CUSTOMER,
    /** A solution was told to the customer; waiting for acceptance or rejection. */
    @JsonProperty("solution-proposed")
    SOLUTION_PROPOSED,
    @JsonProperty("resolved")
    RESOLVED,
    @JsonProperty("closed")
    CLOSED;

    /** The name used on the wire. */
    public String wireName() {
        try {
            return TicketState.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
