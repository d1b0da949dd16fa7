package dev.servicedesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath running in a JVM of its own, so a test can kill it with
 * SIGKILL ({@link Process#destroyForcibly()}) as an operating system or an operator would: no
 * shutdown hook, no flush, no graceful close. The child tells it is ready by writing a file;
 * it halts by itself when the test JVM goes away or after {@link #LIFETIME}, so none outlives a test run.
 */
public final class ChildJvm implements AutoCloseable {

    /** The longest a child lives, whatever happens to the test that started it. */
    public static final Duration LIFETIME = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final Path readyFile;
    private final Path log;

    private ChildJvm(String name, Process process, Path readyFile, Path log) {
        this.name = name;
        this.process = process;
        this.readyFile = readyFile;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code args} after the ready file's path, which is always its first argument.
     *
     * @param workDir where the ready file and the child's console log go
     */
    public static ChildJvm start(String name, Class<?> main, Path workDir, String heap, List<String> args) {
        Path readyFile = workDir.resolve(name + ".ready");
        Path log = workDir.resolve(name + ".log");
        try {
            Files.deleteIfExists(readyFile);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                    "-cp", System.getProperty("java.class.path"),
                    main.getName(), readyFile.toString()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(name, process, readyFile, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child's ready file and returns what it wrote there (an address, a port). */
    public String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!Files.exists(readyFile)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " died while starting (exit " + process.exitValue() + "):\n" + logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
                }
                Thread.sleep(50); // a file appearing has no event to wait on
            }
            return Files.readString(readyFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the child's console, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    // In the child.

    /** Called first by a child's main: halt when the parent JVM exits, or after {@link #LIFETIME}. */
    public static void haltWithParentOrLate() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "child-lifetime");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> Runtime.getRuntime().halt(3), LIFETIME.toSeconds(), TimeUnit.SECONDS);
    }

    /** Called last by a child's main: writes {@code content} to the ready file in one atomic step. */
    public static void ready(String readyFile, String content) throws IOException {
        Path target = Path.of(readyFile);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
