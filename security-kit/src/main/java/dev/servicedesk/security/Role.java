package dev.servicedesk.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what, carried in a token's {@value TokenClaims#ROLES} claim by wire name.
 * Only agents, supervisors and administrators see customers' names, phones and emails unmasked.
 */
public enum Role {
    /** A front end (web, app, chat...): creates tickets, adds the customer's supplements, reads its own tickets. */
    CHANNEL(false),
    /** A service agent: lifecycle commands, callbacks, complaint steps within the approval threshold. */
    AGENT(true),
    /** A department system: progress and results for its own department only. */
    DEPARTMENT(false),
    /** Reclassification, approvals above the threshold, escalations; everything an agent does. */
    SUPERVISOR(true),
    /** KPIs and anonymised lists only. */
    DASHBOARD(false),
    ADMIN(true);

    public static final String AUTHORITY_PREFIX = "ROLE_";

    private final boolean seesPersonalData;

    Role(boolean seesPersonalData) {
        this.seesPersonalData = seesPersonalData;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority granted for this role, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    public boolean seesPersonalData() {
        return seesPersonalData;
    }

    public static Optional<Role> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith(AUTHORITY_PREFIX)) {
            return Optional.empty();
        }
        return fromWireName(authority.substring(AUTHORITY_PREFIX.length()));
    }
}
