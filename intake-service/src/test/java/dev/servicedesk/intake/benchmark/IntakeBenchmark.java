package dev.servicedesk.intake.benchmark;

import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures intake alone — registration validated, published to a real broker with acks=all and
 * answered 202 — against a bare WebFlux endpoint that only decodes the same JSON and answers 202,
 * both on this machine in the same run: at a fixed offered load and at saturation.
 *
 * <p>Three JVMs, so each one's CPU time can be read on its own: this one holds the loopback broker
 * and the in-memory database; {@link BenchmarkServices} holds intake (with its projection of the
 * ticket record) and the bare endpoint; {@link LoadGenerator} is the client. Bounded: the client's
 * phases end after their durations, and both children are stopped if they overrun. Arguments (all
 * optional): rate (2000), fixed-load seconds (10), saturation seconds (10), saturation concurrency
 * (64), warm-up seconds per target (15); arguments starting with {@code --} go to intake as Spring
 * properties, e.g. {@code --spring.kafka.listener.auto-startup=false} to measure the request path
 * without the projection.
 */
public final class IntakeBenchmark {

    private static final long SERVICES_START_SECONDS = 120;

    private IntakeBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = Arrays.stream(arguments).filter(arg -> !arg.startsWith("--")).toArray(String[]::new);
        List<String> intakeOptions = Arrays.stream(arguments).filter(arg -> arg.startsWith("--")).toList();
        String rate = args.length > 0 ? args[0] : "2000";
        String fixedSeconds = args.length > 1 ? args[1] : "10";
        String saturationSeconds = args.length > 2 ? args[2] : "10";
        String concurrency = args.length > 3 ? args[3] : "64";
        // The JIT needs a while on 2 shared cores; a cold server measures the compiler, not the service.
        String warmUpSeconds = args.length > 4 ? args[4] : "15";

        Path kafkaDir = Files.createTempDirectory("intake-benchmark-kafka");
        try (LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(kafkaDir, 0);
             EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            List<String> servicesArguments = new ArrayList<>(List.of(broker.bootstrapServers(), mongo.connectionString()));
            servicesArguments.addAll(intakeOptions);
            // -Dservices.jvm="..." adds JVM options to the services' process, e.g. to record a profile of it.
            Process services = java(BenchmarkServices.class, servicesArguments, "-Xmx2g " + System.getProperty("services.jvm", ""))
                    .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            try {
                String[] ports = awaitPorts(services);
                System.out.printf("Benchmark on %d cores, Java %s: %s req/s for %s s, saturation with %s in flight for %s s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rate,
                        fixedSeconds, concurrency, saturationSeconds);
                long limitSeconds = 2 * Long.parseLong(warmUpSeconds) + 2 * Long.parseLong(fixedSeconds)
                        + 2 * Long.parseLong(saturationSeconds) + 6 + 8 * 60;
                Process client = java(LoadGenerator.class, List.of("http://127.0.0.1:" + ports[1], "http://127.0.0.1:" + ports[0],
                        rate, fixedSeconds, saturationSeconds, concurrency, warmUpSeconds,
                        String.valueOf(services.pid()), String.valueOf(ProcessHandle.current().pid())), "-Xmx256m")
                        .inheritIO().start();
                if (!client.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                    client.destroyForcibly();
                    System.out.println("load generator overran its " + limitSeconds + " s and was stopped");
                }
            } finally {
                services.getOutputStream().close();
                if (!services.waitFor(30, TimeUnit.SECONDS)) {
                    services.destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(kafkaDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static ProcessBuilder java(Class<?> main, List<String> arguments, String jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Reads the services' output until they report their ports; everything else they print is passed on. */
    private static String[] awaitPorts(Process services) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(services.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVICES_START_SECONDS);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(BenchmarkServices.READY)) {
                Thread relay = new Thread(() -> out.lines().forEach(System.out::println), "services-output");
                relay.setDaemon(true);
                relay.start();
                return line.substring(BenchmarkServices.READY.length()).split(" ");
            }
            System.out.println(line);
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        services.destroyForcibly();
        throw new IllegalStateException("the services did not start within " + SERVICES_START_SECONDS + " s");
    }
}
