package dev.servicedesk.intake.benchmark;

import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;
import dev.servicedesk.intake.IntakeApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

/**
 * Measures intake alone — registration validated, published to a real broker with acks=all and
 * answered 202 — against a bare WebFlux endpoint that only decodes the same JSON and answers 202,
 * both on this machine in the same run: at a fixed offered load and at saturation.
 *
 * <p>This process holds what is measured: the loopback broker, the in-memory database, intake (with
 * its own projection of the ticket record) and the bare endpoint. The client is a {@link LoadGenerator}
 * in a second JVM. Bounded: the client's phases end after their durations and the client is killed if
 * it overruns. Arguments (all optional): rate (2000), fixed-load seconds (10), saturation seconds (10),
 * saturation concurrency (64), warm-up seconds per target (15).
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String rate = args.length > 0 ? args[0] : "2000";
        String fixedSeconds = args.length > 1 ? args[1] : "10";
        String saturationSeconds = args.length > 2 ? args[2] : "10";
        String concurrency = args.length > 3 ? args[3] : "64";
        // The JIT needs a while on 2 shared cores; a cold server measures the compiler, not the service.
        String warmUpSeconds = args.length > 4 ? args[4] : "15";

        Path kafkaDir = Files.createTempDirectory("intake-benchmark-kafka");
        try (LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(kafkaDir, 0);
             EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            ConfigurableApplicationContext intake = IntakeApplication.builder().run(
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--spring.mongodb.uri=" + mongo.connectionString(), "--spring.mongodb.database=intake-benchmark",
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off");
            DisposableServer bare = bareEndpoint();
            try {
                String intakeUrl = "http://127.0.0.1:" + intake.getEnvironment().getRequiredProperty("local.server.port");
                String bareUrl = "http://127.0.0.1:" + bare.port();
                System.out.printf("Benchmark on %d cores, Java %s: %s req/s for %s s, saturation with %s in flight for %s s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rate,
                        fixedSeconds, concurrency, saturationSeconds);
                long limitSeconds = 2 * Long.parseLong(warmUpSeconds) + 2 * Long.parseLong(fixedSeconds)
                        + 2 * Long.parseLong(saturationSeconds) + 6 + 8 * 15;
                runClient(List.of(bareUrl, intakeUrl, rate, fixedSeconds, saturationSeconds, concurrency, warmUpSeconds),
                        limitSeconds);
            } finally {
                bare.disposeNow(Duration.ofSeconds(5));
                intake.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(kafkaDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** The same JSON decoded by WebFlux and answered 202 with a small body: the ceiling intake is measured against. */
    private static DisposableServer bareEndpoint() {
        AtomicLong ids = new AtomicLong();
        HttpHandler handler = RouterFunctions.toHttpHandler(RouterFunctions.route(POST("/api/tickets"),
                request -> request.bodyToMono(JsonNode.class).flatMap(form -> ServerResponse.accepted()
                        .bodyValue(Map.of("ticketId", "T-" + ids.incrementAndGet(), "status", "received")))));
        return HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
    }

    private static void runClient(List<String> arguments, long limitSeconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName()));
        command.addAll(arguments);
        Process client = new ProcessBuilder(command).inheritIO().start();
        if (!client.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            System.out.println("load generator overran its " + limitSeconds + " s and was stopped");
        }
    }
}
