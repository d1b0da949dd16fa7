package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.load.Limits;
import dev.servicedesk.benchmark.load.LoadStats;
import dev.servicedesk.benchmark.load.Mix;
import dev.servicedesk.benchmark.load.OpenModelLoad;
import dev.servicedesk.benchmark.report.RunReport;
import dev.servicedesk.benchmark.stack.ManagedStack;

/**
 * The centre's traffic at a moderate rate before the measured load, with instruments of its own so that
 * none of its requests, lag samples or CPU time count in the run's figures. It waits until the flow has
 * caught up, so the measured load starts on a stack with no backlog.
 */
final class WarmUp {

    /** A seed of its own: the measured load's customers and forms are not the warm-up's replayed. */
    private static final long SEED_OFFSET = 0x5eed_0001L;

    private WarmUp() {
    }

    static RunReport.WarmUp run(BenchmarkOptions options, ManagedStack stack) {
        System.out.printf(java.util.Locale.ROOT, "warm-up: %.0f registrations/s offered for %d s, not counted%n",
                options.warmUpRate(), options.warmUp().toSeconds());
        long started = System.nanoTime();
        try (Instruments instruments = new Instruments(options, stack, options.seed() + SEED_OFFSET)) {
            LoadStats stats = new OpenModelLoad(instruments.driver, instruments.plan, instruments.gate)
                    .run(options.warmUpRate(), Mix.centre(), new Limits(Long.MAX_VALUE, options.warmUp()));
            boolean drained = instruments.lag.awaitDrained(options.drain());
            double seconds = (System.nanoTime() - started) / 1e9;
            long accepted = Instruments.accepted(stats);
            System.out.printf(java.util.Locale.ROOT, "warm-up done: %,d tickets accepted; %s after %.1f s%n", accepted,
                    drained ? "caught up" : "NOT caught up", seconds);
            return new RunReport.WarmUp(options.warmUpRate(), stats.seconds(), accepted, drained ? seconds : null);
        }
    }
}
