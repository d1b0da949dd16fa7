package dev.servicedesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.OtlpTraceCollector;
import dev.servicedesk.testsupport.OtlpTraceCollector.Kind;
import dev.servicedesk.testsupport.OtlpTraceCollector.Span;
import dev.servicedesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One request followed across the system with tracing on: the client's W3C trace context is continued
 * by the gateway, by intake's request and its Kafka send, and by the consumers of the sent record,
 * each hop the child of the one before, while the correlation id keeps working as before.
 */
class TracingEndToEndTest {

    @Test
    void aTicketSubmittedThroughTheGatewayIsOneTraceFromTheGatewayThroughIntakeAndKafkaToItsConsumers() {
        ServiceSystem system = SecuredSystem.get();
        OtlpTraceCollector collector = SecuredSystem.traces();
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String clientSpanId = hex.formatHex(randomBytes(8));

        SecuredSystem.client(system.gatewayUrl()).post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                .header("X-Correlation-Id", "trace-e2e-1")
                .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .bodyValue(Map.of("channel", "web", "customer", Map.of("name", "Li Lei", "phone", "+86 139 0000 0001"),
                        "description", "The kettle's lid does not close any more."))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-e2e-1");

        // each application exports its spans in batches of its own, so they arrive in any order
        List<Span> trace = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId),
                spans -> find(spans, "gateway", Kind.SERVER).isPresent()
                        && find(spans, "intake-service", Kind.SERVER).isPresent()
                        && find(spans, "intake-service", Kind.PRODUCER).isPresent()
                        && find(spans, "routing-service", Kind.CONSUMER).isPresent()
                        && find(spans, "archive-service", Kind.CONSUMER).isPresent());

        Span gateway = find(trace, "gateway", Kind.SERVER).orElseThrow();
        Span intake = find(trace, "intake-service", Kind.SERVER).orElseThrow();
        Span send = find(trace, "intake-service", Kind.PRODUCER).orElseThrow();
        Span routing = find(trace, "routing-service", Kind.CONSUMER).orElseThrow();
        Span archive = find(trace, "archive-service", Kind.CONSUMER).orElseThrow();
        assertThat(gateway.parentSpanId()).as("the gateway continues the client's trace").isEqualTo(clientSpanId);
        assertThat(trace).as("intake's request is a child of the gateway's call to it")
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("gateway");
                    assertThat(span.spanId()).isEqualTo(intake.parentSpanId());
                });
        assertThat(ancestors(trace, send)).as("the Kafka send belongs to intake's request").contains(intake.spanId());
        assertThat(routing.parentSpanId()).as("routing continues from the record's headers").isEqualTo(send.spanId());
        assertThat(archive.parentSpanId()).isEqualTo(send.spanId());
    }

    private static Optional<Span> find(List<Span> spans, String service, Kind kind) {
        return spans.stream().filter(span -> span.service().equals(service) && span.kind() == kind).findFirst();
    }

    /** The span ids above this span, as far as the trace holds them. */
    private static List<String> ancestors(List<Span> trace, Span span) {
        List<String> above = new ArrayList<>();
        Optional<Span> parent = byId(trace, span.parentSpanId());
        while (parent.isPresent()) {
            above.add(parent.get().spanId());
            parent = byId(trace, parent.get().parentSpanId());
        }
        return above;
    }

    private static Optional<Span> byId(List<Span> trace, String spanId) {
        return trace.stream().filter(span -> span.spanId().equals(spanId)).findFirst();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
