package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Customer level; VIP raises priority, members are always called back. */
public enum CustomerTier {
    @JsonProperty("vip")
    VIP,
    @JsonProperty("member")
    MEMBER,
    @JsonProperty("normal")
    NORMAL;

    /** The name used on the wire and in URLs. */
    public String wireName() {
        try {
            return CustomerTier.class.getField(name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
