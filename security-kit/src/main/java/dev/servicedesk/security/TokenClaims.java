package dev.servicedesk.security;

/** The claims, besides the standard ones, that the service desk reads from a token. */
public final class TokenClaims {

    /** The caller's roles by wire name, a list of strings (an external provider can map its groups to it). */
    public static final String ROLES = "roles";
    /** For {@link Role#DEPARTMENT}: the department's wire name the caller reports for. */
    public static final String DEPARTMENT = "department";
    /** For {@link Role#CHANNEL}: the channel's wire name the caller speaks for. */
    public static final String CHANNEL = "channel";

    private TokenClaims() {
    }
}
