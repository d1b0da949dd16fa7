package dev.servicedesk.intake.batching;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Calls from concurrent requests sent in rounds: while one round is at the database, the calls that
 * arrive wait and the next round sends them together. A lone call goes at once, so nothing waits
 * at low load, and under load a round carries what queued during the one before instead of each
 * call paying a command of its own.
 *
 * @param <A> a call's argument
 * @param <R> a call's answer
 */
final class Rounds<A, R> {

    private final int maxPerRound;
    private final Duration timeout;
    private final Function<List<A>, Mono<List<R>>> send;
    private final Queue<Call<A, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    /**
     * @param send sends one round; answers come in the order of the arguments, {@code null} for a call
     *             that has no answer (its {@code Mono} completes empty)
     */
    Rounds(int maxPerRound, Duration timeout, Function<List<A>, Mono<List<R>>> send) {
        this.maxPerRound = maxPerRound;
        this.timeout = timeout;
        this.send = send;
    }

    Mono<R> call(A argument) {
        return Mono.create(sink -> {
            waiting.add(new Call<>(argument, sink));
            sendNext();
        });
    }

    private void sendNext() {
        while (sending.compareAndSet(false, true)) {
            List<Call<A, R>> round = new ArrayList<>();
            Call<A, R> call;
            while (round.size() < maxPerRound && (call = waiting.poll()) != null) {
                round.add(call);
            }
            if (!round.isEmpty()) {
                send(round);
                return;
            }
            sending.set(false);
            // a call queued after the poll and before the flag fell found the flag still up: take it now
            if (waiting.isEmpty()) {
                return;
            }
        }
    }

    private void send(List<Call<A, R>> round) {
        List<A> arguments = round.stream().<A>map(Call::argument).toList();
        // the timeout frees the rounds after it even if the database never answers this one
        Mono.defer(() -> send.apply(arguments)).timeout(timeout).subscribe(
                answers -> {
                    for (int i = 0; i < round.size(); i++) {
                        round.get(i).sink().success(answers.get(i));
                    }
                },
                failure -> {
                    round.forEach(call -> call.sink().error(failure));
                    roundDone();
                },
                () -> {
                    // a sink already answered ignores this; one the answers left out completes empty
                    round.forEach(call -> call.sink().success());
                    roundDone();
                });
    }

    private void roundDone() {
        sending.set(false);
        sendNext();
    }

    private record Call<A, R>(A argument, MonoSink<R> sink) {
    }
}
