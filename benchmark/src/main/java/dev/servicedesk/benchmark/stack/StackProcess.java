package dev.servicedesk.benchmark.stack;

import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack ({@code deploy/target/servicedesk-local.jar}) as a child JVM on a data folder,
 * with its output in a log file. Ready once its start-up banner is printed and the gateway answers.
 * CPU time is read from the process while it lives; {@link #killHard()} takes a last reading first.
 */
public final class StackProcess {

    private static final String READY_BANNER = "Service desk is up in";
    private static final String CLASS_ARCHIVE = "servicedesk.jsa";

    private final Process process;
    private final Path log;
    private final long startedNanos;
    private volatile CpuReading lastCpu = CpuReading.NONE;

    private StackProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    public static StackProcess start(StackSettings settings, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = Stream.of(List.of(java), settings.jvmOptions(), classArchive(settings),
                        List.of("-jar", settings.jar().toString()))
                .flatMap(List::stream).toList();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVICEDESK_DATA", settings.dataFolder().toString());
        builder.environment().put("KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        builder.environment().put("MONGODB_PORT", Integer.toString(settings.mongoPort()));
        builder.environment().put("SERVICEDESK_PORT_OFFSET", Integer.toString(settings.portOffset()));
        long started = System.nanoTime();
        return new StackProcess(builder.start(), log, started);
    }

    /**
     * The archive of the stack's classes that the build writes beside its jar, as the README starts the
     * stack with it, unless the options name one. A JVM that finds it stale starts without it.
     */
    static List<String> classArchive(StackSettings settings) {
        Path archive = settings.jar().resolveSibling(CLASS_ARCHIVE);
        boolean named = settings.jvmOptions().stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        return named || !Files.exists(archive) ? List.of() : List.of("-XX:SharedArchiveFile=" + archive);
    }

    /**
     * Waits for the banner and the gateway, at most {@code max}.
     *
     * @return the time from start to ready
     * @throws IllegalStateException when the stack died or did not become ready in time
     */
    public Duration awaitReady(HttpClient gateway, Duration max) {
        long deadline = startedNanos + max.toNanos();
        while (!bannerPrinted()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stack was not up within " + max.toSeconds() + " s; see " + log);
            }
            sleepMillis(100);
        }
        if (!ReadyCheck.awaitGateway(gateway, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), process::isAlive)) {
            throw new IllegalStateException("the gateway did not answer GET /api/kpis/summary within " + max.toSeconds() + " s; see " + log);
        }
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** CPU time of the stack's JVM so far, and of its compiler threads (the last reading once it is gone). */
    public CpuReading cpu() {
        if (process.isAlive()) {
            process.toHandle().info().totalCpuDuration()
                    .ifPresent(cpu -> lastCpu = new CpuReading(cpu.toNanos(), CompilerThreads.cpuNanos(process.pid())));
        }
        return lastCpu;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL to the stack's JVM and anything it started; returns once it is gone. */
    public void killHard() {
        cpu();
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Asks the stack to stop (its shutdown hook closes everything), then kills it if it lingers. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        cpu();
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            killHard();
        }
    }

    private boolean waitFor(Duration max) {
        try {
            return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean bannerPrinted() {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(READY_BANNER));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
