package dev.servicedesk.gateway;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestInfrastructure;
import dev.servicedesk.testsupport.TestTokens;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The launcher and the end-to-end test start the gateway through its builder, beside other services. */
class GatewayApplicationIntegrationTest {

    @Test
    void builderStartsTheGatewayFromItsOwnConfigFile() {
        try (StubBackend intake = StubBackend.start("intake");
             ConfigurableApplicationContext gateway = startBeside(intake)) {
            intake.replyNext(StubBackend.Reply.status(202));

            channelClientOf(gateway)
                    .post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        }
    }

    @Test
    void withoutAnOtlpEndpointNothingIsRecordedYetTheClientsTraceIdPassesOn() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (StubBackend intake = StubBackend.start("intake");
             ConfigurableApplicationContext gateway = startBeside(intake)) {
            intake.replyNext(StubBackend.Reply.status(202));

            channelClientOf(gateway)
                    .post().uri("/api/tickets")
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.ACCEPTED);

            assertThat(gateway.getBeanProvider(SpanExporter.class).stream()).as("nowhere to export to").isEmpty();
            // The service sees the client's trace id, flagged as not sampled: the gateway recorded nothing.
            assertThat(intake.requests().get(0).header("traceparent")).startsWith("00-" + traceId + "-").endsWith("-00");
        }
    }

    @Test
    void withTheMongodbStoreAnEmptySharedBucketIsATooManyRequestsProblem() {
        String store = TestInfrastructure.get().mongoUri().replaceAll("/$", "") + "/" + TestInfrastructure.uniqueDatabase("gateway");
        try (StubBackend intake = StubBackend.start("intake");
             ConfigurableApplicationContext gateway = startBeside(intake,
                     "--servicedesk.gateway.rate-limit.store=mongodb",
                     "--servicedesk.gateway.rate-limit.mongodb-uri=" + store,
                     "--servicedesk.gateway.rate-limit.capacity=2",
                     "--servicedesk.gateway.rate-limit.refill-period=1h");
             MongoClient mongo = MongoClients.create(store)) {
            WebTestClient client = channelClientOf(gateway);

            for (int i = 0; i < 2; i++) {
                client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .expectStatus().isOk();
            }
            client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    // Two requests an hour: the next token comes after 30 minutes.
                    .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1700L, 1800L))
                    .expectHeader().valueEquals("RateLimit-Remaining", "0")
                    .expectBody().jsonPath("$.type").isEqualTo("https://servicedesk.dev/problems/rate-limited");

            assertThat(intake.requests()).hasSize(2);
            // The bucket is the database's, where every replica finds it, not this gateway's memory.
            String database = new ConnectionString(store).getDatabase();
            List<Document> buckets = Flux.from(mongo.getDatabase(database).getCollection("rate-limit-buckets").find())
                    .collectList().block(Duration.ofSeconds(5));
            assertThat(buckets).singleElement()
                    .satisfies(bucket -> assertThat(bucket.getString("_id")).endsWith("|intake-service"))
                    .satisfies(bucket -> assertThat(bucket.getLong("version")).isEqualTo(1L));
        }
    }

    @Test
    void theMongodbStoreWithoutAUriStopsTheGatewayFromStarting() {
        assertThatThrownBy(() -> GatewayApplication.builder()
                .run(withSecurity("--server.port=0", "--servicedesk.gateway.rate-limit.store=mongodb")).close())
                .hasStackTraceContaining("servicedesk.gateway.rate-limit.store=mongodb needs servicedesk.gateway.rate-limit.mongodb-uri");
    }

    /** The gateway as the launcher starts it, on a free port, routing registrations to {@code intake}. */
    private static ConfigurableApplicationContext startBeside(StubBackend intake, String... arguments) {
        String[] all = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--INTAKE_URI=" + intake.uri()),
                java.util.Arrays.stream(arguments)).toArray(String[]::new);
        return GatewayApplication.builder().run(withSecurity(all));
    }

    /** A front end's client: a channel's token on every request. */
    private static WebTestClient channelClientOf(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.CHANNEL))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static String[] withSecurity(String... arguments) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.Arrays.stream(GatewayTestSecurity.arguments())).toArray(String[]::new);
    }
}
