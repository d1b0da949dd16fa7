package dev.servicedesk.benchmark.load;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} requests always in flight, each followed at once by the next,
 * operations drawn in the mix's proportions. Shows the ceiling; latency counts from each send.
 */
public final class SaturationLoad {

    private final Dispatcher dispatcher;

    public SaturationLoad(HttpDriver driver, TrafficPlan plan, StackGate gate) {
        this.dispatcher = new Dispatcher(driver, plan, gate);
    }

    public LoadStats run(int concurrency, Mix mix, Limits limits) {
        LoadStats stats = new LoadStats();
        List<Operation> operations = mix.perCreate().keySet().stream().toList();
        double[] cumulative = cumulative(operations, mix);
        AtomicLong creates = new AtomicLong();
        stats.started();
        long deadline = System.nanoTime() + limits.duration().toNanos();
        Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(() -> next(operations, cumulative, creates, stats))
                        .repeat(() -> creates.get() < limits.creates() && System.nanoTime() < deadline), concurrency)
                .then()
                .block(limits.duration().plus(HttpDriver.TIMEOUT).plusSeconds(5));
        stats.ended();
        return stats;
    }

    private Mono<Answer> next(List<Operation> operations, double[] cumulative, AtomicLong creates, LoadStats stats) {
        Operation operation = pick(operations, cumulative);
        if (operation == Operation.CREATE) {
            creates.incrementAndGet();
        }
        var request = dispatcher.plan().plan(operation);
        if (request.isEmpty()) {
            stats.of(operation).markSkipped();
            return Mono.empty();
        }
        return dispatcher.dispatch(request.get(), System.nanoTime(), stats);
    }

    private static double[] cumulative(List<Operation> operations, Mix mix) {
        double[] cumulative = new double[operations.size()];
        double sum = 0;
        for (int i = 0; i < operations.size(); i++) {
            sum += mix.perCreate().get(operations.get(i)) / mix.total();
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static Operation pick(List<Operation> operations, double[] cumulative) {
        double draw = ThreadLocalRandom.current().nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return operations.get(i);
            }
        }
        return operations.get(operations.size() - 1);
    }
}
