package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a request came in (全渠道). */
public enum Channel {
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

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return Channel.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
