package dev.servicedesk.routing.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The process's CPU time over one phase, split by what its threads belong to: everything runs in
 * one process here, so the total alone cannot tell routing's own cost from the broker's or the
 * database's. The JVM's own threads (garbage collector, JIT compilers) are invisible to
 * {@link ThreadMXBean}; on Linux they are read from {@code /proc/self/task}. What no thread
 * accounts for (threads that ended during the phase) is the rest.
 */
final class CpuBreakdown {

    static final String JIT = "JIT compilers";

    private record Group(String name, Pattern threadName) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("routing listener", Pattern.compile("KafkaListenerEndpointContainer")),
            new Group("database server", Pattern.compile("^mongo-server")),
            new Group("database driver", Pattern.compile("^AsyncGetter|^multiThreadIoEventLoopGroup|^cluster-")),
            new Group("kafka producer I/O", Pattern.compile("^kafka-producer-network-thread")),
            new Group("kafka broker", Pattern.compile("^data-plane|^kafka-|^broker-|^quorum-|^group-coordinator|^controller|^ExpirationReaper|^LogDirFailureHandler|^transaction|^share-")),
            new Group("load generator", Pattern.compile("^main$|^routed-reader$")));

    /** Native thread names (at most 15 characters) of the JVM's own threads. */
    private static final List<Group> JVM_GROUPS = List.of(
            new Group("garbage collector", Pattern.compile("^GC Thread|^G1 |^VM Thread")),
            new Group(JIT, Pattern.compile("^C[12] CompilerThre|^Sweeper")));
    private static final long NANOS_PER_TICK = 10_000_000L; // Linux USER_HZ is 100

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadStart = threadTimes();
    private final Map<String, Long> jvmStart = jvmThreadTimes();
    private final long processStart = processCpuNanos();

    /** CPU nanoseconds per group since construction, and the process's total. */
    record Spent(Map<String, Long> byGroup, long process) {

        double share(String group) {
            return (double) byGroup.getOrDefault(group, 0L) / Math.max(1, process);
        }

        /** Per group: CPU milliseconds per ticket and share of the process's CPU time. */
        String perTicket(int tickets) {
            StringBuilder report = new StringBuilder();
            byGroup.forEach((group, nanos) -> report.append(String.format("  %-24s %5.3f ms/ticket %5.1f %%%n", group,
                    nanos / 1e6 / Math.max(1, tickets), 100.0 * nanos / Math.max(1, process))));
            return report.append(String.format("  %-24s %5.3f ms/ticket%n", "process", process / 1e6 / Math.max(1, tickets))).toString();
        }
    }

    Spent spent() {
        Map<Long, Long> now = threadTimes();
        Map<String, Long> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(group -> byGroup.put(group.name(), 0L));
        byGroup.put("other threads", 0L);
        long threadsTotal = 0;
        for (ThreadInfo info : threads.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long spent = now.get(info.getThreadId()) - threadStart.getOrDefault(info.getThreadId(), 0L);
            threadsTotal += spent;
            byGroup.merge(groupOf(info.getThreadName()), spent, Long::sum);
        }
        Map<String, Long> jvmNow = jvmThreadTimes();
        for (Group group : JVM_GROUPS) {
            long spent = jvmNow.getOrDefault(group.name(), 0L) - jvmStart.getOrDefault(group.name(), 0L);
            threadsTotal += spent;
            byGroup.put(group.name(), spent);
        }
        long process = processCpuNanos() - processStart;
        byGroup.put("the rest (ended threads)", Math.max(0, process - threadsTotal));
        return new Spent(byGroup, process);
    }

    private static String groupOf(String threadName) {
        for (Group group : GROUPS) {
            if (group.threadName().matcher(threadName).find()) {
                return group.name();
            }
        }
        return "other threads";
    }

    private Map<Long, Long> threadTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                times.put(id, cpu);
            }
        }
        return times;
    }

    /** CPU time of the JVM's own threads by group, from {@code /proc}; empty where there is none. */
    private static Map<String, Long> jvmThreadTimes() {
        Map<String, Long> times = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return times;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    for (Group group : JVM_GROUPS) {
                        if (group.threadName().matcher(name).find()) {
                            times.merge(group.name(), ticks * NANOS_PER_TICK, Long::sum);
                        }
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            });
        } catch (IOException unreadable) {
            return Map.of();
        }
        return times;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
