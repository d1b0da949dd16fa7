package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.report.ReportJson;
import dev.servicedesk.benchmark.report.ReportTable;
import dev.servicedesk.benchmark.report.RunReport;
import dev.servicedesk.benchmark.stack.Loopback;
import dev.servicedesk.benchmark.stack.ManagedStack;
import dev.servicedesk.benchmark.stack.StackSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Entry point: {@code java -jar benchmark/target/servicedesk-benchmark.jar --preset=smoke --start-stack}.
 * Prints the report as a table and writes it as JSON; exits 1 when any answer was outside what its
 * operation allows, a ticket was lost in the kill test, flat mode went over its limit, or a gateway-cost
 * read was not answered 200; 2 on bad options.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the client library logs every refused or reset connection; the report counts them instead
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
            Loopback.require(options.target(), "target");
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        Path runFolder = Files.createTempDirectory("servicedesk-benchmark-" + options.preset().name().toLowerCase().replace('_', '-') + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        System.out.println("run folder: " + runFolder);
        if (options.preset() == Preset.GATEWAY_COST) {
            List<String> problems;
            try (ManagedStack stack = stack(options, runFolder)) {
                problems = new GatewayCostRun(options, stack).run();
            }
            problems.forEach(problem -> System.out.println("problem: " + problem));
            System.exit(problems.isEmpty() ? 0 : 1);
            return;
        }
        RunReport report;
        try (ManagedStack stack = stack(options, runFolder)) {
            report = options.preset() == Preset.FLAT ? new FlatRun(options, stack).run() : new EndToEndRun(options, stack).run();
        }
        ReportTable.print(report, System.out);
        Path json = ReportJson.write(report, options.report() != null ? options.report() : runFolder.resolve("report.json"));
        System.out.println("JSON report: " + json);
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }

    private static ManagedStack stack(BenchmarkOptions options, Path runFolder) throws Exception {
        if (!options.startStack()) {
            return ManagedStack.running(options.target(), options.dataFolder(), options.stackPid(), runFolder);
        }
        boolean fresh = options.dataFolder() == null;
        Path data = fresh ? runFolder.resolve("data") : options.dataFolder();
        StackSettings settings = new StackSettings(options.stackJar().toAbsolutePath(), data, options.kafkaPort(),
                options.mongoPort(), options.stackJvmOptions(), options.target().getPort() - 8080);
        System.out.printf("starting the local stack: %s, data %s, kafka 127.0.0.1:%d, mongodb 127.0.0.1:%d%n",
                settings.jar(), data, settings.kafkaPort(), settings.mongoPort());
        ManagedStack stack = ManagedStack.start(options.target(), settings, fresh && !options.keepData(), runFolder);
        System.out.printf("stack ready in %.1f s (pid %d)%n", stack.readySeconds(), stack.pid());
        return stack;
    }
}
