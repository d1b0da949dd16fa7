package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Priority levels (紧急 / 重要 / 一般). */
public enum Priority implements WireNamed {
    @JsonProperty("urgent")
    URGENT,
    @JsonProperty("important")
    IMPORTANT,
    @JsonProperty("normal")
    NORMAL;
}
