package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four request types (需求分类). */
public enum TicketType implements WireNamed {
    @JsonProperty("consultation")
    CONSULTATION,
    @JsonProperty("problem-feedback")
    PROBLEM_FEEDBACK,
    @JsonProperty("complaint")
    COMPLAINT,
    @JsonProperty("after-sales")
    AFTER_SALES;
}
