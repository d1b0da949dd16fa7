package dev.servicedesk.benchmark.report;

import dev.servicedesk.benchmark.load.LoadStats;
import dev.servicedesk.benchmark.load.OperationStats;

import java.util.List;
import java.util.Map;

/**
 * One operation's figures over a phase.
 *
 * @param statuses          status code to count; 0 = no answer (refused, reset, timed out)
 * @param skipped           slots left unused because no ticket was in a state for the command
 * @param interrupted       requests cut off while the stack was down on purpose (kill test)
 * @param acceptedPerSecond successful answers (202 or 200) per second of load
 * @param failures          why requests got no answer
 */
public record OperationRow(String operation, long sent, Map<Integer, Long> statuses, long skipped, long interrupted,
                           double acceptedPerSecond, double p50Millis, double p99Millis, double p999Millis,
                           Map<String, Long> failures) {

    public static OperationRow of(OperationStats stats, double seconds) {
        return new OperationRow(stats.operation().label(), stats.sent(), stats.statusCounts(), stats.skipped(),
                stats.interrupted(), stats.succeeded() / seconds, stats.latencyMillis(50), stats.latencyMillis(99),
                stats.latencyMillis(99.9), stats.failureReasons());
    }

    /** Rows of the operations that were sent or planned in a phase. */
    public static List<OperationRow> of(LoadStats stats) {
        return stats.all().stream()
                .filter(operation -> operation.sent() + operation.skipped() > 0)
                .map(operation -> of(operation, stats.seconds()))
                .toList();
    }
}
