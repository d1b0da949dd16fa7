package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.archive.TicketReceivedAudit;
import dev.servicedesk.benchmark.load.Limits;
import dev.servicedesk.benchmark.load.LoadStats;
import dev.servicedesk.benchmark.load.Mix;
import dev.servicedesk.benchmark.load.OpenModelLoad;
import dev.servicedesk.benchmark.load.SaturationLoad;
import dev.servicedesk.benchmark.report.OperationRow;
import dev.servicedesk.benchmark.report.RunReport;
import dev.servicedesk.benchmark.stack.CpuReading;
import dev.servicedesk.benchmark.stack.ManagedStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The smoke, day and million presets: after the warm-up, if any, a centre's mixed traffic at a fixed
 * rate (or at saturation) for the given number of tickets, then the wait until the flow has caught up,
 * then the figures.
 * With the kill test, the stack is killed halfway and every TicketReceived is checked in the archive.
 */
final class EndToEndRun {

    private final BenchmarkOptions options;
    private final ManagedStack stack;

    EndToEndRun(BenchmarkOptions options, ManagedStack stack) {
        this.options = options;
        this.stack = stack;
    }

    RunReport run() throws IOException {
        RunReport.WarmUp warmUp = options.warmUp().isZero() ? null : WarmUp.run(options, stack);
        Instant startedAt = Instant.now();
        try (Instruments instruments = new Instruments(options, stack)) {
            CpuReading cpuBefore = stack.cpu().reading();
            // a killed stack's services count again from zero, so their counts over the run are unknown
            Map<String, Long> commandsBefore = options.killTest() ? null : instruments.commands.counts();
            long loadStarted = System.nanoTime();
            CompletableFuture<LoadStats> load = CompletableFuture.supplyAsync(() -> load(instruments));
            CompletableFuture<KillSwitch.Outcome> kill = options.killTest()
                    ? KillSwitch.arm(stack, instruments.gate, instruments.plan, options.tickets() / 2, load)
                    : CompletableFuture.completedFuture(null);
            LoadStats stats = load.join();
            KillSwitch.Outcome killed = kill.join();
            System.out.printf("load done after %.1f s; waiting for the flow to catch up (at most %d s)%n", stats.seconds(), options.drain().toSeconds());

            boolean drained = instruments.lag.awaitDrained(options.drain());
            Double drainedAfter = drained ? (System.nanoTime() - loadStarted) / 1e9 : null;
            instruments.probe.awaitSeen(Duration.ofSeconds(drained ? 30 : 5));
            CpuReading cpuUsed = stack.cpu().reading().since(cpuBefore);
            long accepted = Instruments.accepted(stats);

            List<String> problems = new ArrayList<>(Instruments.illegitimate(stats));
            RunReport.KillTest killTest = null;
            if (killed != null) {
                if (killed.failure() != null) {
                    problems.add(killed.failure());
                }
                killTest = audit(instruments, killed, problems);
            }
            Map<String, Long> lagAtEnd = instruments.lag.sample();
            return new RunReport(options.preset().name().toLowerCase(), options.loadDescription(), options.target().toString(),
                    startedAt, stats.seconds(), accepted, OperationRow.of(stats), drainedAfter,
                    drainedAfter == null ? null : accepted / drainedAfter, instruments.probe.report(),
                    instruments.monitor.maxLag(), lagAtEnd, instruments.stackFigures(cpuUsed, accepted, commandsBefore),
                    instruments.dashboardFigures(), killTest, null, warmUp, problems);
        }
    }

    private LoadStats load(Instruments instruments) {
        Limits limits = new Limits(options.tickets(), options.maxLoad());
        if (options.saturate() > 0) {
            return new SaturationLoad(instruments.driver, instruments.plan, instruments.gate).run(options.saturate(), Mix.centre(), limits);
        }
        return new OpenModelLoad(instruments.driver, instruments.plan, instruments.gate).run(options.rate(), Mix.centre(), limits);
    }

    private RunReport.KillTest audit(Instruments instruments, KillSwitch.Outcome killed, List<String> problems) throws IOException {
        System.out.println("kill test: reading ticket-events from the beginning");
        Set<String> onTopic = TicketReceivedAudit.receivedOnTopic(options.kafkaBootstrap());
        System.out.printf("kill test: checking %,d tickets in the archive (at most %d s)%n", onTopic.size(), options.drain().toSeconds());
        List<String> missing = TicketReceivedAudit.missingFromArchive(stack.gateway(), onTopic, options.drain());
        if (!missing.isEmpty()) {
            Path list = stack.runFolder().resolve("missing-tickets.txt");
            Files.write(list, missing);
            problems.add("LOST: " + missing.size() + " of " + onTopic.size() + " tickets with a TicketReceived on ticket-events never reached"
                    + " the archive with a classification (all listed in " + list + "): "
                    + String.join(", ", missing.subList(0, Math.min(50, missing.size()))) + (missing.size() > 50 ? ", ..." : ""));
        }
        if (onTopic.isEmpty()) {
            problems.add("the kill test found no TicketReceived on ticket-events");
        }
        return new RunReport.KillTest(killed.killedAtSeconds(), killed.restartReadySeconds(), onTopic.size(), missing);
    }
}
