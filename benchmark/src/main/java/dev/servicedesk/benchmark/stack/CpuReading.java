package dev.servicedesk.benchmark.stack;

/**
 * CPU time of the stack, and the part of it its JIT compiler threads spent. The optimising compiler
 * goes on compiling for many minutes after a start, work a stack that has run for hours no longer
 * pays, so a figure per ticket is given with and without it.
 *
 * @param nanos          the whole process
 * @param compilerNanos  its compiler threads; -1 where they cannot be told apart (no Linux /proc)
 */
public record CpuReading(long nanos, long compilerNanos) {

    static final CpuReading NONE = new CpuReading(0, -1);

    /** What was spent since {@code earlier}. */
    public CpuReading since(CpuReading earlier) {
        return new CpuReading(nanos - earlier.nanos, compilerNanos < 0 || earlier.compilerNanos < 0 ? -1 : compilerNanos - earlier.compilerNanos);
    }

    CpuReading plus(CpuReading other) {
        return new CpuReading(nanos + other.nanos, compilerNanos < 0 || other.compilerNanos < 0 ? -1 : compilerNanos + other.compilerNanos);
    }
}
