package dev.servicedesk.contracts.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Customer level; VIP raises priority, members are always called back. */
public enum CustomerTier implements WireNamed {
    @JsonProperty("vip")
    VIP,
    @JsonProperty("member")
    MEMBER,
    @JsonProperty("normal")
    NORMAL;
}
