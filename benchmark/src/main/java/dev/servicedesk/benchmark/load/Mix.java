package dev.servicedesk.benchmark.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many of each operation are sent per ticket created (create itself is 1).
 *
 * @param perCreate operation to requests per create
 */
public record Mix(Map<Operation, Double> perCreate) {

    /** A centre's day: departments report on a third of the tickets, most get a solution, agents and dashboards read. */
    public static Mix centre() {
        Map<Operation, Double> mix = new EnumMap<>(Operation.class);
        mix.put(Operation.CREATE, 1.0);
        mix.put(Operation.PROGRESS, 0.30);
        mix.put(Operation.SOLUTION, 0.25);
        mix.put(Operation.ACCEPTANCE, 0.20);
        mix.put(Operation.CLOSURE, 0.15);
        mix.put(Operation.TICKET_VIEW, 0.50);
        mix.put(Operation.CUSTOMER_VIEW, 0.20);
        mix.put(Operation.LIST_RECENT, 0.05);
        mix.put(Operation.LIST_ROUTED, 0.05);
        mix.put(Operation.KPI_SUMMARY, 0.05);
        return new Mix(Collections.unmodifiableMap(mix));
    }

    /** Only the given operations, each at {@code perCreate} times the create rate. */
    public static Mix of(Map<Operation, Double> perCreate) {
        return new Mix(Collections.unmodifiableMap(new EnumMap<>(perCreate)));
    }

    public double total() {
        return perCreate.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
