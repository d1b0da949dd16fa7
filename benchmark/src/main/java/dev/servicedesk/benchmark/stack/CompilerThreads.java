package dev.servicedesk.benchmark.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}; /proc
 * keeps 15 characters of a name), read from Linux's {@code /proc/<pid>/task}. A compiler thread the
 * JVM ends takes its time with it; on a small machine the JVM keeps one of each for its whole life.
 */
final class CompilerThreads {

    /** /proc counts CPU time in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CompilerThreads() {
    }

    /** The compiler threads' CPU time, or -1 when the process or /proc is not there. */
    static long cpuNanos(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(CompilerThreads::ticks).sum() * NANOS_PER_TICK;
        } catch (IOException | UncheckedIOException e) {
            return -1; // the process ended meanwhile
        }
    }

    private static long ticks(Path thread) {
        try {
            return ticksOfCompiler(Files.readString(thread.resolve("stat")));
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** User and system ticks from a thread's {@code stat} line when it is a compiler thread, else 0. */
    static long ticksOfCompiler(String stat) {
        // the name is in parentheses and may hold spaces and parentheses itself
        int nameEnd = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        // after the name: state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime
        String[] fields = stat.substring(nameEnd + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
