package dev.servicedesk.benchmark.load;

import reactor.core.publisher.Mono;

/** Sends a planned request, records its answer against the phase's statistics, and tells the plan. */
final class Dispatcher {

    private final HttpDriver driver;
    private final TrafficPlan plan;
    private final StackGate gate;

    Dispatcher(HttpDriver driver, TrafficPlan plan, StackGate gate) {
        this.driver = driver;
        this.plan = plan;
        this.gate = gate;
    }

    /**
     * @param dueNanos when the request was due: latency counts from there, so a client or server
     *                 that falls behind cannot hide its queueing
     */
    Mono<Answer> dispatch(PlannedRequest request, long dueNanos, LoadStats stats) {
        return driver.send(request, plan.needsBody(request)).doOnNext(answer -> {
            stats.of(request.operation()).record(answer, System.nanoTime() - dueNanos, gate.isDown());
            plan.answered(request, answer);
        });
    }

    TrafficPlan plan() {
        return plan;
    }
}
