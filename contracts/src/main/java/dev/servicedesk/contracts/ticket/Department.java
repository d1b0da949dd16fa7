package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Departments that solve tickets; each has a work topic. */
public enum Department {
    @JsonProperty("technical-support")
    TECHNICAL_SUPPORT,
    @JsonProperty("after-sales")
    AFTER_SALES,
    @JsonProperty("product-operations")
    PRODUCT_OPERATIONS,
    @JsonProperty("complaint-desk")
    COMPLAINT_DESK;

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return Department.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
