package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a request came in (全渠道). */
public enum Channel implements WireNamed {
    @JsonProperty("phone")
    PHONE,
    @JsonProperty("chat")
    CHAT,
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("app")
    APP,
    @JsonProperty("web")
    WEB,
    @JsonProperty("social")
    SOCIAL,
    @JsonProperty("walk-in")
    WALK_IN;
}
