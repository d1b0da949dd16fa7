package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.load.StackGate;
import dev.servicedesk.benchmark.stack.ManagedStack;
import dev.servicedesk.benchmark.load.TrafficPlan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kill test's middle: once half the registrations are sent, holds new requests, kills the stack
 * with SIGKILL while requests and the backlog are in flight, starts it again on the same data folder,
 * and lets the load go on once it is ready.
 */
final class KillSwitch {

    /** @param killedAtSeconds since the load began; restartReadySeconds from the new start until ready */
    record Outcome(double killedAtSeconds, double restartReadySeconds, String failure) {
    }

    private KillSwitch() {
    }

    static CompletableFuture<Outcome> arm(ManagedStack stack, StackGate gate, TrafficPlan plan, long afterSent,
                                          CompletableFuture<?> loadDone) {
        long loadStarted = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            while (plan.createsPlanned() < afterSent && !loadDone.isDone()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            double killedAt = (System.nanoTime() - loadStarted) / 1e9;
            gate.markDown();
            System.out.printf("kill test: SIGKILL to the stack (pid %d) after %,d registrations sent, %,d accepted%n", stack.pid(),
                    plan.createsPlanned(), plan.pipeline().acceptedCount());
            try {
                double ready = stack.killAndRestart();
                System.out.printf("kill test: stack restarted on the same data folder, ready in %.1f s%n", ready);
                return new Outcome(killedAt, ready, null);
            } catch (Exception e) {
                return new Outcome(killedAt, Double.NaN, "the stack did not come back after the kill: " + e.getMessage());
            } finally {
                gate.markUp();
            }
        });
    }
}
