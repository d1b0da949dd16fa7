package dev.servicedesk.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorrelationIdTest {

    @Test
    void clientCorrelationIdWinsOverRequestId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "corr-1");
        headers.set("X-Request-Id", "req-1");

        assertThat(CorrelationId.resolve(headers)).isEqualTo("corr-1");
    }

    @Test
    void requestIdIsUsedWhenThereIsNoCorrelationId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", "req-1");

        assertThat(CorrelationId.resolve(headers)).isEqualTo("req-1");
    }

    @Test
    void aFreshUuidIsGeneratedWhenTheClientSendsNeither() {
        assertThat(CorrelationId.resolve(new HttpHeaders()))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void idsThatAreNotShortPlainTokensAreReplaced() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "<script>alert(1)</script>");
        headers.set("X-Request-Id", "x".repeat(129));

        String resolved = CorrelationId.resolve(headers);

        assertThat(resolved).hasSize(36).doesNotContain("<").doesNotContain("xxx");
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(CorrelationId.accepted("  abc-123  ")).contains("abc-123");
    }
}
