package dev.servicedesk.benchmark.stack;

import java.time.Duration;

/**
 * CPU time of the stack across its lives: when the benchmark started it, of each {@link StackProcess}
 * (a killed one keeps its last reading), else of the process given by id. Zero when neither is known.
 */
public final class StackCpu {

    private final ProcessHandle external;
    private volatile StackProcess current;
    private volatile CpuReading earlierLives = new CpuReading(0, 0);

    private StackCpu(ProcessHandle external, StackProcess current) {
        this.external = external;
        this.current = current;
    }

    public static StackCpu of(StackProcess process) {
        return new StackCpu(null, process);
    }

    public static StackCpu ofPid(long pid) {
        return new StackCpu(ProcessHandle.of(pid).orElseThrow(() -> new IllegalArgumentException("no process " + pid)), null);
    }

    public static StackCpu unknown() {
        return new StackCpu(null, null);
    }

    public boolean known() {
        return external != null || current != null;
    }

    /** The stack was restarted: {@code next} is its new life. */
    public void restarted(StackProcess next) {
        earlierLives = earlierLives.plus(current.cpu());
        current = next;
    }

    public long nanos() {
        return reading().nanos();
    }

    /** The whole process's CPU time and its compiler threads'. */
    public CpuReading reading() {
        if (current != null) {
            return earlierLives.plus(current.cpu());
        }
        if (external != null) {
            return new CpuReading(external.info().totalCpuDuration().map(Duration::toNanos).orElse(0L),
                    CompilerThreads.cpuNanos(external.pid()));
        }
        return CpuReading.NONE;
    }
}
