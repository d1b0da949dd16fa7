package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** General complaints are handled by the agent; special ones get a complaint handling form (投诉处理单). */
public enum ComplaintGrade implements WireNamed {
    @JsonProperty("general")
    GENERAL,
    @JsonProperty("special")
    SPECIAL;
}
