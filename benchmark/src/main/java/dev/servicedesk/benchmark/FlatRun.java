package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.load.Limits;
import dev.servicedesk.benchmark.load.LoadStats;
import dev.servicedesk.benchmark.load.Mix;
import dev.servicedesk.benchmark.load.OpenModelLoad;
import dev.servicedesk.benchmark.load.Operation;
import dev.servicedesk.benchmark.load.SaturationLoad;
import dev.servicedesk.benchmark.report.OperationRow;
import dev.servicedesk.benchmark.report.RunReport;
import dev.servicedesk.benchmark.stack.CpuReading;
import dev.servicedesk.benchmark.stack.KpiTotal;
import dev.servicedesk.benchmark.stack.ManagedStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flat with volume: fills the store to the low count at saturation, lets the flow catch up, and
 * measures create p99 at the offered rate (400/s) with ticket views, customer views and the KPI
 * summary alongside; then fills up to the high count and measures the same way again. Each p99 at
 * the high count must be within {@link #LIMIT} times its value at the low count.
 */
final class FlatRun {

    static final double LIMIT = 1.5;
    private static final int FILL_CONCURRENCY = 32;
    private static final Duration FILL_TIME = Duration.ofHours(2);
    private static final List<Operation> COMPARED = List.of(Operation.CREATE, Operation.TICKET_VIEW, Operation.CUSTOMER_VIEW, Operation.KPI_SUMMARY);
    private static final Mix FILL = Mix.of(Map.of(Operation.CREATE, 1.0));
    private static final Mix MEASURE = Mix.of(Map.of(Operation.CREATE, 1.0, Operation.TICKET_VIEW, 0.25,
            Operation.CUSTOMER_VIEW, 0.25, Operation.KPI_SUMMARY, 0.05));

    private final BenchmarkOptions options;
    private final ManagedStack stack;

    FlatRun(BenchmarkOptions options, ManagedStack stack) {
        this.options = options;
        this.stack = stack;
    }

    RunReport run() {
        Instant startedAt = Instant.now();
        try (Instruments instruments = new Instruments(options, stack)) {
            CpuReading cpuBefore = stack.cpu().reading();
            Map<String, Long> commandsBefore = instruments.commands.counts();
            List<String> problems = new ArrayList<>();
            long fillStarted = System.nanoTime();
            fillTo(instruments, options.flatLow(), problems);
            long lowStored = stored();
            LoadStats low = measure(instruments, problems);
            fillTo(instruments, options.tickets(), problems);
            long highStored = stored();
            LoadStats high = measure(instruments, problems);
            instruments.lag.awaitDrained(options.drain());

            List<RunReport.Comparison> comparisons = COMPARED.stream().map(operation -> {
                double before = low.of(operation).latencyMillis(99);
                double after = high.of(operation).latencyMillis(99);
                double ratio = after / before;
                return new RunReport.Comparison(operation.label(), before, after, ratio, ratio <= LIMIT);
            }).toList();
            comparisons.stream().filter(comparison -> !comparison.within()).forEach(comparison -> problems.add(String.format(
                    java.util.Locale.ROOT, "not flat: %s p99 %.2f ms at %,d stored, %.2f ms at %,d (%.2fx, limit %.1fx)",
                    comparison.operation(), comparison.p99AtLowMillis(), lowStored, comparison.p99AtHighMillis(), highStored,
                    comparison.ratio(), LIMIT)));
            long accepted = stored();
            RunReport.Flat flat = new RunReport.Flat(lowStored, highStored, OperationRow.of(low), OperationRow.of(high), comparisons, LIMIT);
            return new RunReport(options.preset().name().toLowerCase(), String.format(java.util.Locale.ROOT,
                    "fill at saturation (%d in flight), measure at %.0f registrations/s for %d s", FILL_CONCURRENCY, options.rate(),
                    options.flatWindow().toSeconds()), options.target().toString(), startedAt, (System.nanoTime() - fillStarted) / 1e9,
                    accepted, List.of(), null, null, instruments.probe.report(), instruments.monitor.maxLag(), instruments.lag.sample(),
                    instruments.stackFigures(stack.cpu().reading().since(cpuBefore), accepted, commandsBefore), instruments.dashboardFigures(), null, flat, null, problems);
        }
    }

    /**
     * Registers tickets at saturation until {@code target} are accepted, counting from what the archive
     * holds: admission sheds part of a saturating load with 503, so one pass falls short.
     */
    private void fillTo(Instruments instruments, long target, List<String> problems) {
        long deadline = System.nanoTime() + FILL_TIME.toNanos();
        long accepted = stored();
        while (accepted < target && System.nanoTime() < deadline) {
            long missing = target - accepted;
            System.out.printf("flat: filling with %,d tickets at saturation%n", missing);
            LoadStats fill = new SaturationLoad(instruments.driver, instruments.plan, instruments.gate)
                    .run(FILL_CONCURRENCY, FILL, new Limits(missing, Duration.ofNanos(deadline - System.nanoTime())));
            problems.addAll(Instruments.illegitimate(fill));
            accepted += fill.of(Operation.CREATE).succeeded();
        }
        if (accepted < target) {
            problems.add(String.format("only %,d of %,d tickets were accepted within %d minutes of filling", accepted,
                    target, FILL_TIME.toMinutes()));
        }
        System.out.println("flat: waiting for the flow to catch up");
        if (!instruments.lag.awaitDrained(options.drain())) {
            problems.add("the flow did not catch up within " + options.drain().toSeconds() + " s after filling to " + target);
        }
    }

    private LoadStats measure(Instruments instruments, List<String> problems) {
        System.out.printf("flat: measuring at %,d stored tickets for %d s%n", stored(), options.flatWindow().toSeconds());
        long creates = (long) (options.rate() * options.flatWindow().toSeconds());
        LoadStats stats = new OpenModelLoad(instruments.driver, instruments.plan, instruments.gate)
                .run(options.rate(), MEASURE, new Limits(creates, options.flatWindow().plusSeconds(5)));
        problems.addAll(Instruments.illegitimate(stats));
        return stats;
    }

    private long stored() {
        return KpiTotal.of(stack.gateway()).orElse(0);
    }
}
