package dev.servicedesk.benchmark.load;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed arrival rates: creates at {@code rate} per second and every other operation at its share of
 * that, each on its own schedule, sent whether or not earlier requests were answered. Latency counts
 * from each request's due time. A bound on requests in flight protects the client's memory when the
 * stack stops answering; a request that would exceed it is recorded as unanswered.
 */
public final class OpenModelLoad {

    private static final int MAX_IN_FLIGHT = 20_000;

    private final Dispatcher dispatcher;
    private final StackGate gate;

    public OpenModelLoad(HttpDriver driver, TrafficPlan plan, StackGate gate) {
        this.dispatcher = new Dispatcher(driver, plan, gate);
        this.gate = gate;
    }

    public LoadStats run(double rate, Mix mix, Limits limits) {
        LoadStats stats = new LoadStats();
        List<Operation> operations = mix.perCreate().keySet().stream().toList();
        long[] period = operations.stream().mapToLong(op -> (long) (1e9 / (rate * mix.perCreate().get(op)))).toArray();
        long[] next = new long[operations.size()];
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long creates = 0;
        stats.started();
        long start = System.nanoTime();
        while (creates < limits.creates()) {
            int op = earliest(next);
            long due = start + next[op];
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long paused = gate.awaitUp();
            if (paused > 0) {
                start += paused;
                due += paused;
            }
            if (System.nanoTime() - start > limits.duration().toNanos()) {
                break;
            }
            next[op] += period[op];
            Operation operation = operations.get(op);
            if (operation == Operation.CREATE) {
                creates++;
            }
            fire(operation, due, stats, inFlight);
        }
        awaitAnswers(inFlight);
        stats.ended();
        return stats;
    }

    private void fire(Operation operation, long due, LoadStats stats, Semaphore inFlight) {
        var request = dispatcher.plan().plan(operation);
        if (request.isEmpty()) {
            stats.of(operation).markSkipped();
            return;
        }
        if (!inFlight.tryAcquire()) {
            stats.of(operation).record(new Answer(0, null, "client in-flight limit"), 0, false);
            return;
        }
        dispatcher.dispatch(request.get(), due, stats)
                .doFinally(signal -> inFlight.release())
                .subscribe();
    }

    private static int earliest(long[] next) {
        int best = 0;
        for (int i = 1; i < next.length; i++) {
            if (next[i] < next[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Waits for every request sent to be answered or to time out. */
    static void awaitAnswers(Semaphore inFlight) {
        try {
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, HttpDriver.TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("  (some requests were still open after their timeout)");
            } else {
                inFlight.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
