package dev.servicedesk.benchmark.traffic;

/**
 * The lifecycle commands the benchmark sends, in the order the state machine allows them: progress
 * on a received ticket, a solution, the customer's acceptance (which resolves it), then closure.
 */
public enum LifecycleStep {
    PROGRESS("/progress"),
    SOLUTION("/solution"),
    ACCEPTANCE("/solution/acceptance"),
    CLOSURE("/closure");

    private final String suffix;

    LifecycleStep(String suffix) {
        this.suffix = suffix;
    }

    public String path(String ticketId) {
        return "/api/tickets/" + ticketId + suffix;
    }
}
