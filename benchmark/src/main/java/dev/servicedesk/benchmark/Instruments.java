package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.archive.ArchiveLagProbe;
import dev.servicedesk.benchmark.load.DashboardStream;
import dev.servicedesk.benchmark.load.HttpDriver;
import dev.servicedesk.benchmark.load.LoadStats;
import dev.servicedesk.benchmark.load.Operation;
import dev.servicedesk.benchmark.load.StackGate;
import dev.servicedesk.benchmark.load.TrafficPlan;
import dev.servicedesk.benchmark.report.RunReport;
import dev.servicedesk.benchmark.stack.ConsumerLag;
import dev.servicedesk.benchmark.stack.CpuReading;
import dev.servicedesk.benchmark.stack.DatabaseCommands;
import dev.servicedesk.benchmark.stack.DiskUsage;
import dev.servicedesk.benchmark.stack.HeapGauge;
import dev.servicedesk.benchmark.stack.KpiTotal;
import dev.servicedesk.benchmark.stack.ManagedStack;
import dev.servicedesk.benchmark.stack.StackMonitor;
import dev.servicedesk.benchmark.traffic.CustomerPool;
import dev.servicedesk.benchmark.traffic.RegistrationForms;
import dev.servicedesk.benchmark.traffic.TicketPipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What every kind of run shares: the client, the traffic plan, the archive lag probe, the stack
 * monitor and the dashboard stream, opened together and closed together.
 */
final class Instruments implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 1024;
    private static final int MAX_WATCHED = 200;
    private static final String ARCHIVE_SERVICE = "http://127.0.0.1:8085";
    private static final List<String> SERVICES = List.of("http://127.0.0.1:8081", "http://127.0.0.1:8082",
            "http://127.0.0.1:8083", "http://127.0.0.1:8084", ARCHIVE_SERVICE);

    final ManagedStack stack;
    final HttpDriver driver;
    final StackGate gate = new StackGate();
    final ArchiveLagProbe probe;
    final TrafficPlan plan;
    final ConsumerLag lag;
    final HeapGauge heap = new HeapGauge(ARCHIVE_SERVICE);
    final DatabaseCommands commands = new DatabaseCommands(SERVICES);
    final StackMonitor monitor;
    final DashboardStream dashboard;

    Instruments(BenchmarkOptions options, ManagedStack stack) {
        this(options, stack, options.seed());
    }

    /** @param seed the traffic's seed: its customers and what they write */
    Instruments(BenchmarkOptions options, ManagedStack stack, long seed) {
        this.stack = stack;
        driver = new HttpDriver(options.target(), MAX_CONNECTIONS);
        probe = new ArchiveLagProbe(stack.gateway(), options.lagSample(), MAX_WATCHED, options.drain());
        CustomerPool customers = new CustomerPool((int) Math.min(300_000, Math.max(200, options.tickets() / 3)), seed);
        plan = new TrafficPlan(new RegistrationForms(customers), new TicketPipeline(), probe::accepted, seed);
        lag = new ConsumerLag(options.kafkaBootstrap());
        monitor = new StackMonitor(lag, heap, stack.cpu()::nanos,
                () -> stack.dataFolder() == null ? 0 : DiskUsage.databaseBytes(stack.dataFolder())).start();
        dashboard = new DashboardStream(stack.gateway()).open();
    }

    /** Statuses no operation allows, one line per operation. */
    static List<String> illegitimate(LoadStats stats) {
        List<String> problems = new ArrayList<>();
        stats.all().forEach(operation -> {
            Map<Integer, Long> bad = operation.illegitimate();
            if (!bad.isEmpty()) {
                problems.add(operation.operation().label() + " got statuses it must never get (0 = no answer): " + bad
                        + (operation.failureReasons().isEmpty() ? "" : " " + operation.failureReasons()));
            }
        });
        return problems;
    }

    static long accepted(LoadStats stats) {
        return stats.of(Operation.CREATE).succeeded();
    }

    /** @param commandsBefore {@link #commands} read when the load began, or {@code null} when they cannot be compared */
    RunReport.StackFigures stackFigures(CpuReading cpuUsed, long ticketsAccepted, Map<String, Long> commandsBefore) {
        OptionalLong stored = KpiTotal.of(stack.gateway());
        OptionalLong heapNow = heap.usedBytes();
        DiskUsage disk = stack.dataFolder() == null ? null : DiskUsage.of(stack.dataFolder());
        Long storedTickets = stored.isPresent() ? stored.getAsLong() : null;
        Long perTicketBase = storedTickets != null && storedTickets > 0 ? storedTickets : ticketsAccepted > 0 ? ticketsAccepted : null;
        boolean cpuPerTicket = stack.cpu().known() && ticketsAccepted > 0;
        return new RunReport.StackFigures(stack.pid(), stack.readySeconds(),
                cpuPerTicket ? cpuUsed.nanos() / 1e6 / ticketsAccepted : null,
                cpuPerTicket && cpuUsed.compilerNanos() >= 0 ? cpuUsed.compilerNanos() / 1e6 / ticketsAccepted : null,
                heapNow.isPresent() ? heapNow.getAsLong() : null,
                monitor.maxHeapBytes() > 0 ? Math.max(monitor.maxHeapBytes(), heapNow.orElse(0)) : null,
                storedTickets,
                disk == null ? null : disk.mongoBytes(),
                disk == null ? null : Math.max(disk.mongoBytes(), monitor.maxDatabaseBytes()),
                disk == null ? null : disk.kafkaBytes(),
                disk == null || perTicketBase == null ? null : (double) disk.mongoBytes() / perTicketBase,
                disk == null || perTicketBase == null ? null : (double) disk.kafkaBytes() / perTicketBase,
                commandsBefore == null ? Map.of() : DatabaseCommands.perTicket(commandsBefore, commands.counts(), ticketsAccepted));
    }

    RunReport.Dashboard dashboardFigures() {
        return new RunReport.Dashboard(dashboard.events(), dashboard.connections(), dashboard.statusCounts());
    }

    @Override
    public void close() {
        dashboard.close();
        monitor.close();
        lag.close();
        driver.close();
    }
}
