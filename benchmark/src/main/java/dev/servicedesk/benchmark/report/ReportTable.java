package dev.servicedesk.benchmark.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a {@link RunReport} as plain-text tables. */
public final class ReportTable {

    private ReportTable() {
    }

    public static void print(RunReport report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Service desk end-to-end benchmark: preset %s, %s, target %s%n", report.preset(), report.load(), report.target());
        if (report.warmUp() != null) {
            var warmUp = report.warmUp();
            out.printf(Locale.ROOT, "warm-up before it, not counted below: %.0f registrations/s offered for %.1f s, %,d tickets accepted, %s%n",
                    warmUp.ratePerSecond(), warmUp.loadSeconds(), warmUp.ticketsAccepted(),
                    warmUp.caughtUpSeconds() == null ? "NOT caught up" : String.format(Locale.ROOT, "caught up after %.1f s", warmUp.caughtUpSeconds()));
        }
        if (report.operations() != null && !report.operations().isEmpty()) {
            out.printf(Locale.ROOT, "load %.1f s, %,d tickets accepted%n", report.loadSeconds(), report.ticketsAccepted());
            operations(report.operations(), out);
        }
        if (report.drainedAfterSeconds() != null) {
            out.printf(Locale.ROOT, "every consumer group caught up %.1f s after the first request: %.1f tickets/s end to end%n",
                    report.drainedAfterSeconds(), report.endToEndPerSecond());
        } else if (report.operations() != null && !report.operations().isEmpty()) {
            out.println("consumer groups had NOT caught up within the drain bound");
        }
        if (report.archiveLag() != null) {
            var lag = report.archiveLag();
            out.printf(Locale.ROOT, "archive lag (202 -> ticket view with classification), 1 in %d sampled: seen %,d, p50 %s ms,"
                            + " p99 %s ms, max %s ms; not seen %,d (gave up %,d), not sampled (probe busy) %,d%n",
                    lag.sampleEvery(), lag.seen(), number(lag.p50Millis()), number(lag.p99Millis()), number(lag.maxMillis()),
                    lag.stillWaiting() + lag.gaveUp(), lag.gaveUp(), lag.notSampled());
            out.println("  routed types: " + lag.classificationTypes() + "  priorities: " + lag.priorities());
        }
        if (report.consumerLagEnd() != null) {
            out.println("consumer lag (records), max during run / at end:");
            report.consumerLagMax().forEach((group, max) -> out.printf(Locale.ROOT, "  %-28s %,10d / %,d%n", group, max,
                    report.consumerLagEnd().getOrDefault(group, -1L)));
        }
        stack(report.stack(), out);
        if (report.dashboard() != null) {
            out.printf(Locale.ROOT, "dashboard stream: %,d events over %d connection(s), statuses %s%n",
                    report.dashboard().events(), report.dashboard().connections(), report.dashboard().statuses());
        }
        if (report.killTest() != null) {
            var kill = report.killTest();
            out.printf(Locale.ROOT, "kill test: SIGKILL at %.1f s, ready again after %.1f s; %,d TicketReceived on the topic, %,d missing from the archive%n",
                    kill.killedAtSeconds(), kill.restartReadySeconds(), kill.ticketsOnTopic(), kill.missing().size());
        }
        if (report.flat() != null) {
            flat(report.flat(), out);
        }
        if (report.problems().isEmpty()) {
            out.println("PASSED: no answer outside what each operation allows" + (report.killTest() != null ? ", nothing lost" : ""));
        } else {
            out.println();
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            out.println("FAILED:");
            report.problems().forEach(problem -> out.println("  - " + problem));
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        }
    }

    static void operations(List<OperationRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-14s %9s %8s %9s %9s %9s %9s  %s%n",
                "operation", "sent", "skipped", "ok/s", "p50 ms", "p99 ms", "p99.9 ms", "statuses (0 = no answer)");
        for (OperationRow row : rows) {
            out.printf(Locale.ROOT, "%-14s %,9d %,8d %9.1f %9s %9s %9s  %s%s%s%n", row.operation(), row.sent(), row.skipped(),
                    row.acceptedPerSecond(), number(row.p50Millis()), number(row.p99Millis()), number(row.p999Millis()),
                    statuses(row.statuses()), row.interrupted() > 0 ? " interrupted by kill=" + row.interrupted() : "",
                    row.failures().isEmpty() ? "" : " " + row.failures());
        }
    }

    private static void stack(RunReport.StackFigures stack, PrintStream out) {
        if (stack == null) {
            return;
        }
        out.printf(Locale.ROOT, "stack: pid %s, ready in %s s, CPU %s ms per ticket%s, heap used %s MB at end (max %s MB)%n",
                stack.pid() == null ? "?" : stack.pid(), number(stack.readySeconds()), number(stack.cpuMillisPerTicket()),
                stack.compilerCpuMillisPerTicket() == null ? "" : " (the JIT compilers " + number(stack.compilerCpuMillisPerTicket()) + " of it)",
                megabytes(stack.heapUsedBytesEnd()), megabytes(stack.heapUsedBytesMax()));
        if (stack.mongoBytes() != null) {
            out.printf(Locale.ROOT, "disk: %s tickets stored; database %s MB = %s bytes per ticket (largest during the run %s MB);"
                            + " broker log %s MB = %s bytes per ticket%n",
                    stack.storedTickets() == null ? "unknown (the KPI summary did not answer)"
                            : String.format(Locale.ROOT, "%,d", stack.storedTickets()), megabytes(stack.mongoBytes()),
                    number(stack.mongoBytesPerTicket()), megabytes(stack.mongoBytesMax()), megabytes(stack.kafkaBytes()),
                    number(stack.kafkaBytesPerTicket()));
        }
        Map<String, Double> commands = stack.databaseCommandsPerTicket();
        if (commands != null && commands.containsKey("all")) {
            StringBuilder byService = new StringBuilder();
            commands.forEach((service, perTicket) -> {
                if (!service.equals("all")) {
                    byService.append(byService.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", service, perTicket));
                }
            });
            out.printf(Locale.ROOT, "database commands per ticket: %.2f (%s)%n", commands.get("all"), byService);
        }
    }

    private static void flat(RunReport.Flat flat, PrintStream out) {
        out.printf(Locale.ROOT, "%nat %,d stored tickets:%n", flat.lowStored());
        operations(flat.atLow(), out);
        out.printf(Locale.ROOT, "at %,d stored tickets:%n", flat.highStored());
        operations(flat.atHigh(), out);
        out.printf(Locale.ROOT, "flat with volume (p99 at %,d / at %,d stored, limit %.1fx):%n", flat.highStored(), flat.lowStored(), flat.limit());
        for (RunReport.Comparison comparison : flat.comparisons()) {
            out.printf(Locale.ROOT, "  %-14s %9s ms -> %9s ms  %5.2fx  %s%n", comparison.operation(), number(comparison.p99AtLowMillis()),
                    number(comparison.p99AtHighMillis()), comparison.ratio(), comparison.within() ? "ok" : "OVER LIMIT");
        }
    }

    private static String statuses(Map<Integer, Long> statuses) {
        return statuses.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String megabytes(Long bytes) {
        return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
