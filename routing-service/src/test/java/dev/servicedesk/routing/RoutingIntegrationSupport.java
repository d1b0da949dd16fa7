package dev.servicedesk.routing;

import dev.servicedesk.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One routing context for every integration test class: they all extend this, so Spring's
 * context cache hands them the same instance. Two cached routing contexts would share the
 * consumer group on the shared broker and route each other's tickets into their own databases.
 */
@SpringBootTest(classes = RoutingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=routing-service", "servicedesk.kafka.retry.max-elapsed=600ms"})
@AutoConfigureWebTestClient
public abstract class RoutingIntegrationSupport {

    public static final String DATABASE = TestInfrastructure.uniqueDatabase("routing");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    protected static String bootstrap() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }
}
