package dev.servicedesk.benchmark.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTest {

    @Test
    void aRequestWithoutAnswerIsCountedWithTheExceptionAndTheFirstLineOfItsMessage() {
        Answer answer = Answer.failed(new IllegalArgumentException("invalid version format: {\"TYPE\"\nat line 2"));

        assertThat(answer.status()).isZero();
        assertThat(answer.error()).isEqualTo("IllegalArgumentException: invalid version format: {\"TYPE\"");
    }

    @Test
    void aLongMessageIsCutSoThatReasonsStayFewAndReadable() {
        assertThat(Answer.failed(new TimeoutException("x".repeat(500))).error()).hasSize(163).endsWith("...");
        assertThat(Answer.failed(new TimeoutException()).error()).isEqualTo("TimeoutException");
    }
}
