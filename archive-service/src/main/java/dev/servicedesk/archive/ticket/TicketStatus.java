package dev.servicedesk.archive.ticket;

import java.util.Set;

/** Status names the archive derives from the ticket's events, as intake's lifecycle names them. */
public final class TicketStatus {

    public static final String RECEIVED = "received";
    public static final String ROUTED = "routed";
    public static final String IN_PROGRESS = "in-progress";
    public static final String AWAITING_CUSTOMER = "awaiting-customer";
    public static final String SOLUTION_PROPOSED = "solution-proposed";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final String REOPENED = "reopened";

    /** Every status a ticket can have, for lists kept per status. */
    public static final Set<String> ALL = Set.of(RECEIVED, ROUTED, IN_PROGRESS, AWAITING_CUSTOMER, SOLUTION_PROPOSED,
            RESOLVED, CLOSED, REOPENED);

    /** The customer's need was met (a solution accepted, or the ticket resolved); every other status counts as open. */
    public static final Set<String> DONE = Set.of(RESOLVED, CLOSED);

    private TicketStatus() {
    }

    /** @param status may be {@code null} while only events without a status of their own have arrived */
    public static boolean isOpen(String status) {
        return status == null || !DONE.contains(status);
    }
}
