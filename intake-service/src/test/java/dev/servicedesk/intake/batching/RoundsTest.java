package dev.servicedesk.intake.batching;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsTest {

    /** Each round the rounds send, with the sink that answers it. */
    private final List<Round> sent = new ArrayList<>();

    private Rounds<String, String> rounds(int maxPerRound, Duration timeout) {
        return new Rounds<>(maxPerRound, timeout, arguments -> {
            Sinks.One<List<String>> answers = Sinks.one();
            sent.add(new Round(arguments, answers));
            return answers.asMono();
        });
    }

    @Test
    void callsArrivingWhileARoundIsOutGoTogetherInTheNextRound() {
        Rounds<String, String> rounds = rounds(100, Duration.ofSeconds(5));
        var first = rounds.call("a").toFuture();
        var second = rounds.call("b").toFuture();
        var third = rounds.call("c").toFuture();

        assertThat(sent).extracting(Round::arguments).containsExactly(List.of("a"));
        sent.get(0).answers().tryEmitValue(List.of("A"));
        assertThat(first).isCompletedWithValue("A");
        assertThat(sent).extracting(Round::arguments).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(second).isNotDone();

        sent.get(1).answers().tryEmitValue(List.of("B", "C"));
        assertThat(second).isCompletedWithValue("B");
        assertThat(third).isCompletedWithValue("C");
    }

    @Test
    void aLoneCallIsSentAtOnce() {
        Rounds<String, String> rounds = rounds(100, Duration.ofSeconds(5));
        var only = rounds.call("a").toFuture();
        assertThat(sent).hasSize(1);
        sent.get(0).answers().tryEmitValue(List.of("A"));
        assertThat(only).isCompletedWithValue("A");

        var later = rounds.call("b").toFuture();
        assertThat(sent).extracting(Round::arguments).containsExactly(List.of("a"), List.of("b"));
        sent.get(1).answers().tryEmitValue(List.of("B"));
        assertThat(later).isCompletedWithValue("B");
    }

    @Test
    void aRoundCarriesAtMostItsLimitAndTheRestGoInTheRoundAfter() {
        Rounds<String, String> rounds = rounds(2, Duration.ofSeconds(5));
        List.of("a", "b", "c", "d").forEach(argument -> rounds.call(argument).subscribe());
        sent.get(0).answers().tryEmitValue(List.of("A"));
        sent.get(1).answers().tryEmitValue(List.of("B", "C"));

        assertThat(sent).extracting(Round::arguments)
                .containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
    }

    @Test
    void aCallWithoutAnAnswerCompletesEmpty() {
        Rounds<String, String> rounds = rounds(100, Duration.ofSeconds(5));
        rounds.call("a").subscribe();
        var missing = rounds.call("b").toFuture();
        var found = rounds.call("c").toFuture();
        sent.get(0).answers().tryEmitValue(List.of("A"));
        List<String> answers = new ArrayList<>();
        answers.add(null);
        answers.add("C");
        sent.get(1).answers().tryEmitValue(answers);

        assertThat(missing).isCompletedWithValue(null);
        assertThat(found).isCompletedWithValue("C");
    }

    @Test
    void aFailedRoundFailsItsOwnCallsAndTheNextRoundStillGoes() {
        Rounds<String, String> rounds = rounds(100, Duration.ofSeconds(5));
        var failed = rounds.call("a").toFuture();
        var next = rounds.call("b").toFuture();

        sent.get(0).answers().tryEmitError(new IllegalStateException("database gone"));
        assertThat(failed).isCompletedExceptionally();
        assertThat(next).isNotDone();
        sent.get(1).answers().tryEmitValue(List.of("B"));
        assertThat(next).isCompletedWithValue("B");
    }

    @Test
    void aRoundThatIsNeverAnsweredTimesOutAndFreesTheRoundsAfterIt() {
        Rounds<String, String> rounds = rounds(100, Duration.ofMillis(100));
        StepVerifier.create(rounds.call("a")).expectError(TimeoutException.class).verify(Duration.ofSeconds(5));

        var next = rounds.call("b").toFuture();
        assertThat(sent).hasSize(2);
        sent.get(1).answers().tryEmitValue(List.of("B"));
        assertThat(next).isCompletedWithValue("B");
    }

    private record Round(List<String> arguments, Sinks.One<List<String>> answers) {
    }
}
