package dev.servicedesk.deploy;

import java.time.Duration;

import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One local stack for the security end-to-end tests of this JVM, on free ports, trusting the test
 * issuer ({@link TestTokens}); started on first use, stopped when the JVM exits.
 */
final class SecuredSystem {

    private static ServiceSystem system;

    private SecuredSystem() {
    }

    static synchronized ServiceSystem get() {
        if (system == null) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            system = ServiceSystem.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), false,
                    TestTokens.arguments());
            ServiceSystem started = system;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "secured-system-stop"));
        }
        return system;
    }

    /** A client of the gateway, or of a service's own port, without credentials. */
    static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }
}
