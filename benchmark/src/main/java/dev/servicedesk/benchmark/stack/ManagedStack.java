package dev.servicedesk.benchmark.stack;

import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The stack the run drives: one the benchmark started (and will stop, and may kill and restart), or
 * one already running at the target. Closing it stops a started stack and deletes a fresh data folder.
 */
public final class ManagedStack implements AutoCloseable {

    private static final Duration START_BOUND = Duration.ofMinutes(5);

    private final URI target;
    private final StackSettings settings;
    private final Path runFolder;
    private final boolean freshData;
    private final StackCpu cpu;
    private volatile StackProcess process;
    private final Double readySeconds;
    private int lives = 1;

    private ManagedStack(URI target, StackSettings settings, Path runFolder, boolean freshData, StackProcess process,
                         StackCpu cpu, Double readySeconds) {
        this.target = target;
        this.settings = settings;
        this.runFolder = runFolder;
        this.freshData = freshData;
        this.process = process;
        this.cpu = cpu;
        this.readySeconds = readySeconds;
    }

    /** A stack already running at {@code target}; its data folder and process id are optional. */
    public static ManagedStack running(URI target, Path dataFolder, Long pid, Path runFolder) {
        HttpClient gateway = gateway(target);
        if (!ReadyCheck.answers(gateway)) {
            throw new IllegalStateException("nothing answers GET " + target + "/api/kpis/summary: start the stack, or pass --start-stack");
        }
        StackSettings settings = dataFolder == null ? null : new StackSettings(null, dataFolder, 0, 0, java.util.List.of(), 0);
        return new ManagedStack(target, settings, runFolder, false, null, pid == null ? StackCpu.unknown() : StackCpu.ofPid(pid), null);
    }

    /** Starts the local stack as a child process and waits until it is ready. */
    public static ManagedStack start(URI target, StackSettings settings, boolean freshData, Path runFolder) throws IOException {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " does not exist: build it first with ./mvnw -q -DskipTests package");
        }
        if (listening(target)) {
            throw new IllegalStateException("something already listens on " + target + ": stop it, or drop --start-stack to measure it");
        }
        Files.createDirectories(settings.dataFolder());
        StackProcess process = StackProcess.start(settings, runFolder.resolve("stack-1.log"));
        ManagedStack stack;
        try {
            Duration ready = process.awaitReady(gateway(target), START_BOUND);
            if (Credentials.bearer() == null) {
                Credentials.mint(settings);
            }
            stack = new ManagedStack(target, settings, runFolder, freshData, process, StackCpu.of(process), ready.toMillis() / 1000.0);
        } catch (RuntimeException e) {
            process.killHard();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopProcess, "stop-stack"));
        return stack;
    }

    /** SIGKILL, then a new start on the same data folder; returns the seconds until it was ready again. */
    public double killAndRestart() throws IOException {
        process.killHard();
        lives++;
        StackProcess next = StackProcess.start(settings, runFolder.resolve("stack-" + lives + ".log"));
        process = next;
        cpu.restarted(next);
        return next.awaitReady(gateway(target), START_BOUND).toMillis() / 1000.0;
    }

    public HttpClient gateway() {
        return gateway(target);
    }

    public StackCpu cpu() {
        return cpu;
    }

    public Long pid() {
        return process == null ? null : process.pid();
    }

    public Double readySeconds() {
        return readySeconds;
    }

    /** The data folder, when known. */
    public Path dataFolder() {
        return settings == null ? null : settings.dataFolder();
    }

    public Path runFolder() {
        return runFolder;
    }

    @Override
    public void close() {
        stopProcess();
        if (freshData && settings != null) {
            delete(settings.dataFolder());
        }
    }

    private void stopProcess() {
        StackProcess current = process;
        if (current != null) {
            current.stop();
        }
    }

    private static HttpClient gateway(URI target) {
        return HttpClient.create().baseUrl(target.toString()).responseTimeout(Duration.ofSeconds(30))
                .headers(headers -> {
                    if (Credentials.bearer() != null) {
                        headers.set("Authorization", Credentials.bearer());
                    }
                });
    }

    private static boolean listening(URI target) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort() < 0 ? 80 : target.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
