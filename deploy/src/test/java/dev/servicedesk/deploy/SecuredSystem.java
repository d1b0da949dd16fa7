package dev.servicedesk.deploy;

import java.time.Duration;
import java.util.stream.Stream;

import dev.servicedesk.testsupport.OtlpTraceCollector;
import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One local stack for the end-to-end tests of this JVM, on free ports, trusting the test issuer
 * ({@link TestTokens}) and exporting traces to a collector on loopback ({@link #traces()}); started on
 * first use, stopped when the JVM exits. Tracing is on here so that one stack serves the tracing test
 * too; the services' own tests run with the default, tracing off.
 */
final class SecuredSystem {

    private static ServiceSystem system;
    private static OtlpTraceCollector traces;

    private SecuredSystem() {
    }

    static synchronized ServiceSystem get() {
        if (system == null) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            traces = OtlpTraceCollector.start();
            String[] settings = {
                    "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                    // Export within moments rather than the default 5 s, so a test does not wait for it.
                    "--management.opentelemetry.tracing.export.schedule-delay=100ms",
                    // Each test registers its tickets one at a time and expects them taken, even on a starved
                    // machine where the archive falls a few seconds behind. Holding registrations back while
                    // the flow is behind is intake's own test (FlowBacklogIntegrationTest).
                    "--servicedesk.intake.backlog.max-delay=60s"};
            system = ServiceSystem.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), false,
                    Stream.concat(Stream.of(TestTokens.arguments()), Stream.of(settings)).toArray(String[]::new));
            ServiceSystem started = system;
            OtlpTraceCollector collector = traces;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                collector.close();
            }, "secured-system-stop"));
        }
        return system;
    }

    /** What the stack's services and gateway exported as traces. */
    static synchronized OtlpTraceCollector traces() {
        get();
        return traces;
    }

    /** A client of the gateway, or of a service's own port, without credentials. */
    static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }
}
