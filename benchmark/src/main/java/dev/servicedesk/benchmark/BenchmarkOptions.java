package dev.servicedesk.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options, {@code --name=value} or {@code --flag}. See {@link #USAGE}.
 */
record BenchmarkOptions(Preset preset, URI target, boolean startStack, Path stackJar, Path dataFolder,
                        boolean keepData, int kafkaPort, int mongoPort, List<String> stackJvmOptions, Long stackPid,
                        long tickets, double rate, Duration maxLoad, Duration warmUp, double warmUpRate, int saturate, boolean killTest,
                        int lagSample, Duration drain, long flatLow, Duration flatWindow, int requests, Path report, long seed) {

    static final String USAGE = """
            usage: java -jar benchmark/target/servicedesk-benchmark.jar [options]
              --preset=smoke|day|million|flat|gateway-cost  2,000 / 100,000 / 1,000,000 tickets; flat: p99 at 1,000 and at
                                    --tickets stored; gateway-cost: CPU per read, direct and through the gateway (default smoke)
              --target=URL          gateway of a running stack (default http://127.0.0.1:8080); loopback only; with
                                    --start-stack, a port above 8080 moves the started stack's HTTP ports by as much
              --start-stack         start deploy/target/servicedesk-local.jar as a child process, stop it at the end
              --stack-jar=PATH      the local stack's jar (default deploy/target/servicedesk-local.jar)
              --data=DIR            the stack's data folder (default: a fresh temporary folder, deleted afterwards)
              --keep-data           keep the fresh data folder
              --kafka-port=N --mongodb-port=N   the stack's broker and database ports (default $KAFKA_PORT/$MONGODB_PORT or 9092/27017)
              --stack-jvm-options="-Xmx2g ..."  options for the stack's JVM (default: with a warm-up, none, so
                                    the JVM's tiered compilation; without one,
                                    -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m, as the README runs it;
                                    the build's class archive beside the jar is added unless the options name one)
              --stack-pid=N         measure CPU of an already running stack
              --tickets=N --rate=R --seconds=S  registrations to send, offered per second, and the load's time bound
              --warm-up-seconds=S   the centre's traffic at --warm-up-rate before the measured load, not counted
                                    in its figures (default 300 for day and million, 0 otherwise)
              --warm-up-rate=R      registrations offered per second while warming up (default 40)
              --saturate=N          closed loop with N requests in flight instead of fixed rates
              --kill-test           with --start-stack: kill -9 the stack halfway, restart it, verify nothing was lost
              --lag-sample=N        probe archive lag on 1 ticket in N (default 20)
              --drain-seconds=S     how long to wait for the flow to catch up after the load (default by preset)
              --flat-low=N --flat-seconds=S     flat: the low stored count (1,000) and each measuring window (15 s)
              --requests=N          gateway-cost: reads per phase (default 3,000, at most 100,000)
              --report=FILE         JSON report (default: in the run folder)
              --seed=N              traffic seed (default 1)
              --token=JWT           bearer token for every request (default with --start-stack: an administrator's,
                                    minted with the stack's own 'token' command)
            """;

    /**
     * As the README starts the stack: one JVM for everything compiles quickest with C1 alone, whose default
     * 48 MB code cache is too small for it (docs/operations.md).
     */
    static final List<String> QUICK_START_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");

    /**
     * For a run with a warm-up, the JVM's defaults: a stack that has been running carries more with the
     * optimising compiler's code, once paid for, than with C1's (docs/operations.md).
     */
    static final List<String> LONG_RUNNING_JVM_OPTIONS = List.of();

    private static final Set<String> FLAGS = Set.of("start-stack", "keep-data", "kill-test", "help");

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String[] parts = arg.substring(2).split("=", 2);
            if (parts.length == 1 && !FLAGS.contains(parts[0])) {
                throw new IllegalArgumentException("--" + parts[0] + " needs a value");
            }
            values.put(parts[0], parts.length == 2 ? parts[1] : "true");
        }
        if (values.containsKey("help")) {
            throw new IllegalArgumentException("");
        }
        dev.servicedesk.benchmark.stack.Credentials.use(values.get("token"));
        Preset preset = Preset.named(values.getOrDefault("preset", "smoke"));
        long tickets = Long.parseLong(values.getOrDefault("tickets", Long.toString(preset.tickets)));
        double rate = Double.parseDouble(values.getOrDefault("rate", Double.toString(preset.rate)));
        long defaultSeconds = (long) (tickets / rate * 1.5) + 60;
        Duration maxLoad = Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", Long.toString(defaultSeconds))));
        long defaultDrain = Math.max(120, tickets / 100);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(values.getOrDefault("warm-up-seconds", Long.toString(preset.warmUpSeconds))));
        String env = System.getenv().getOrDefault("KAFKA_PORT", "9092");
        BenchmarkOptions options = new BenchmarkOptions(preset,
                URI.create(values.getOrDefault("target", "http://127.0.0.1:8080")),
                values.containsKey("start-stack"),
                Path.of(values.getOrDefault("stack-jar", "deploy/target/servicedesk-local.jar")),
                values.containsKey("data") ? Path.of(values.get("data")).toAbsolutePath() : null,
                values.containsKey("keep-data"),
                Integer.parseInt(values.getOrDefault("kafka-port", env)),
                Integer.parseInt(values.getOrDefault("mongodb-port", System.getenv().getOrDefault("MONGODB_PORT", "27017"))),
                values.containsKey("stack-jvm-options") ? Arrays.asList(values.get("stack-jvm-options").trim().split("\\s+"))
                        : warmUp.isZero() ? QUICK_START_JVM_OPTIONS : LONG_RUNNING_JVM_OPTIONS,
                values.containsKey("stack-pid") ? Long.valueOf(values.get("stack-pid")) : null,
                tickets, rate, maxLoad, warmUp,
                Double.parseDouble(values.getOrDefault("warm-up-rate", "40")),
                Integer.parseInt(values.getOrDefault("saturate", "0")),
                values.containsKey("kill-test"),
                Integer.parseInt(values.getOrDefault("lag-sample", "20")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("drain-seconds", Long.toString(defaultDrain)))),
                Long.parseLong(values.getOrDefault("flat-low", "1000")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("flat-seconds", "15"))),
                Integer.parseInt(values.getOrDefault("requests", "3000")),
                values.containsKey("report") ? Path.of(values.get("report")) : null,
                Long.parseLong(values.getOrDefault("seed", "1")));
        if (options.killTest && !options.startStack) {
            throw new IllegalArgumentException("--kill-test needs --start-stack: the benchmark can only kill a stack it started");
        }
        if (options.startStack && options.target.getPort() < 8080) {
            throw new IllegalArgumentException("with --start-stack the target's port must be 8080 or above: the stack's ports are 8080-8085 moved by as much");
        }
        if (options.requests < 1 || options.requests > 100_000) {
            throw new IllegalArgumentException("--requests must be between 1 and 100,000");
        }
        if (options.killTest && options.preset == Preset.GATEWAY_COST) {
            throw new IllegalArgumentException("--kill-test runs with smoke, day or million, not gateway-cost");
        }
        if (options.warmUp.isNegative() || (!options.warmUp.isZero() && options.warmUpRate <= 0)) {
            throw new IllegalArgumentException("--warm-up-seconds must be 0 or more, and --warm-up-rate above 0");
        }
        if (!options.warmUp.isZero() && (options.preset == Preset.FLAT || options.preset == Preset.GATEWAY_COST)) {
            throw new IllegalArgumentException("--warm-up-seconds runs with smoke, day or million: flat fills at saturation and"
                    + " gateway-cost warms up its own reads");
        }
        if (options.killTest && options.preset == Preset.FLAT) {
            throw new IllegalArgumentException("--kill-test runs with smoke, day or million, not flat");
        }
        return options;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String loadDescription() {
        return saturate > 0 ? "saturation, " + saturate + " in flight" : String.format(java.util.Locale.ROOT, "open model, %.0f registrations/s offered", rate);
    }
}
