package dev.servicedesk.benchmark.load;

import java.util.Set;

/**
 * What the benchmark sends through the gateway, and which answers are legitimate for each. Commands
 * are answered 202, or 429/503 when the system pushes back. Reads are answered 200; a ticket or
 * customer view may be 404 while the archive has not yet seen a ticket accepted a moment ago. A
 * lifecycle command must never be 404 or 409: the benchmark only sends it to a ticket it created,
 * in a state that allows it.
 */
public enum Operation {
    CREATE("create", true, Set.of()),
    PROGRESS("progress", true, Set.of()),
    SOLUTION("solution", true, Set.of()),
    ACCEPTANCE("acceptance", true, Set.of()),
    CLOSURE("closure", true, Set.of()),
    TICKET_VIEW("ticket view", false, Set.of(404)),
    CUSTOMER_VIEW("customer view", false, Set.of(404)),
    LIST_RECENT("list recent", false, Set.of()),
    LIST_ROUTED("list routed", false, Set.of()),
    KPI_SUMMARY("kpi summary", false, Set.of());

    private static final Set<Integer> PUSHBACK = Set.of(429, 503);

    private final String label;
    private final boolean command;
    private final Set<Integer> alsoLegitimate;

    Operation(String label, boolean command, Set<Integer> alsoLegitimate) {
        this.label = label;
        this.command = command;
        this.alsoLegitimate = alsoLegitimate;
    }

    public String label() {
        return label;
    }

    public boolean isCommand() {
        return command;
    }

    /** 202 for commands, 200 for reads. */
    public int success() {
        return command ? 202 : 200;
    }

    public boolean isLegitimate(int status) {
        return status == success() || PUSHBACK.contains(status) || alsoLegitimate.contains(status);
    }
}
