package dev.servicedesk.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a negative lag limit every request is shed, from a connection's first on. Shed requests never reach
 * Reactor Netty, which reads a connection only when asked to; the shedder must ask for the next request
 * itself, or a connection would stall after its first answer until the client gave up.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "servicedesk.gateway.overload.max-event-loop-lag=-1ms"})
class OverloadSheddingKeepAliveIntegrationTest {

    static final StubBackend intake = StubBackend.start("intake");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", intake::uri);
        GatewayTestSecurity.register(registry);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopBackend() {
        intake.close();
    }

    @Test
    void aConnectionWhoseRequestsAreAllShedKeepsBeingReadAndAnswered() throws Exception {
        try (OverloadSheddingIntegrationTest.HttpConnection connection = new OverloadSheddingIntegrationTest.HttpConnection(port)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.register("shed-" + i).status()).isEqualTo(503);
            }
        }
        assertThat(intake.requests()).isEmpty();
    }
}
