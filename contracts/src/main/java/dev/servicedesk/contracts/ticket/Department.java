package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Departments that solve tickets; each has a work topic. */
public enum Department implements WireNamed {
    @JsonProperty("technical-support")
    TECHNICAL_SUPPORT,
    @JsonProperty("after-sales")
    AFTER_SALES,
    @JsonProperty("product-operations")
    PRODUCT_OPERATIONS,
    @JsonProperty("complaint-desk")
    COMPLAINT_DESK;
}
