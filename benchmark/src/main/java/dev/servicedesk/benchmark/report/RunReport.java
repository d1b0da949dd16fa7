package dev.servicedesk.benchmark.report;

import dev.servicedesk.benchmark.archive.ArchiveLagProbe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured. Figures the run could not take (no data folder, no process) are
 * {@code null}.
 *
 * @param load                  "open model at R/s" or "saturation, N in flight"
 * @param endToEndPerSecond     tickets accepted divided by the time from the first request until every
 *                              consumer group had caught up (null when they had not within the bound)
 * @param warmUp                the warm-up before the measured load, not counted in any other figure; null without one
 * @param problems              every reason the run failed; empty when it passed
 */
public record RunReport(String preset, String load, String target, Instant startedAt, double loadSeconds,
                        long ticketsAccepted, List<OperationRow> operations, Double drainedAfterSeconds,
                        Double endToEndPerSecond, ArchiveLagProbe.LagReport archiveLag,
                        Map<String, Long> consumerLagMax, Map<String, Long> consumerLagEnd, StackFigures stack,
                        Dashboard dashboard, KillTest killTest, Flat flat, WarmUp warmUp, List<String> problems) {

    /**
     * @param readySeconds        from start until the gateway answered, when the benchmark started it
     * @param cpuMillisPerTicket  the stack's CPU time over the run (load and catch-up) per ticket accepted
     * @param compilerCpuMillisPerTicket the part of it the JVM's JIT compiler threads spent; null where not known
     * @param storedTickets       the archive's KPI total at the end
     * @param mongoBytesMax       the database's largest size on disk while the run lasted
     * @param databaseCommandsPerTicket commands each service sent to the database over the run (load and
     *                            catch-up) per ticket accepted, and {@code all} of them; empty when unknown
     */
    public record StackFigures(Long pid, Double readySeconds, Double cpuMillisPerTicket, Double compilerCpuMillisPerTicket, Long heapUsedBytesEnd,
                               Long heapUsedBytesMax, Long storedTickets, Long mongoBytes, Long mongoBytesMax, Long kafkaBytes,
                               Double mongoBytesPerTicket, Double kafkaBytesPerTicket, Map<String, Double> databaseCommandsPerTicket) {
    }

    /**
     * @param loadSeconds     how long its traffic was offered
     * @param caughtUpSeconds from its first request until every consumer group had caught up; null if they had not
     */
    public record WarmUp(double ratePerSecond, double loadSeconds, long ticketsAccepted, Double caughtUpSeconds) {
    }

    /** @param connections how many times the stream was opened; 1 means it stayed open */
    public record Dashboard(long events, long connections, Map<Integer, Long> statuses) {
    }

    /**
     * @param ticketsOnTopic tickets with a TicketReceived on ticket-events
     * @param missing        those the archive did not show with a classification within the bound
     */
    public record KillTest(double killedAtSeconds, double restartReadySeconds, long ticketsOnTopic, List<String> missing) {
    }

    /** Flat with volume: the same measurement at a low and a high number of stored tickets. */
    public record Flat(long lowStored, long highStored, List<OperationRow> atLow, List<OperationRow> atHigh,
                       List<Comparison> comparisons, double limit) {
    }

    public record Comparison(String operation, double p99AtLowMillis, double p99AtHighMillis, double ratio, boolean within) {
    }
}
