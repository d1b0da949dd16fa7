package dev.servicedesk.gateway;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The launcher and the end-to-end test start the gateway through its builder, beside other services. */
class GatewayApplicationIntegrationTest {

    @Test
    void builderStartsTheGatewayFromItsOwnConfigFile() {
        try (StubBackend intake = StubBackend.start("intake");
             ConfigurableApplicationContext gateway = GatewayApplication.builder()
                     .run(withSecurity("--server.port=0", "--INTAKE_URI=" + intake.uri()))) {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            intake.replyNext(StubBackend.Reply.status(202));

            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build()
                    .post().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        }
    }

    @Test
    void withoutAnOtlpEndpointNothingIsRecordedYetTheClientsTraceIdPassesOn() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (StubBackend intake = StubBackend.start("intake");
             ConfigurableApplicationContext gateway = GatewayApplication.builder()
                     .run(withSecurity("--server.port=0", "--INTAKE_URI=" + intake.uri()))) {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            intake.replyNext(StubBackend.Reply.status(202));

            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build()
                    .post().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.ACCEPTED);

            assertThat(gateway.getBeanProvider(SpanExporter.class).stream()).as("nowhere to export to").isEmpty();
            // The service sees the client's trace id, flagged as not sampled: the gateway recorded nothing.
            assertThat(intake.requests().get(0).header("traceparent")).startsWith("00-" + traceId + "-").endsWith("-00");
        }
    }

    private static String[] withSecurity(String... arguments) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.Arrays.stream(GatewayTestSecurity.arguments())).toArray(String[]::new);
    }
}
