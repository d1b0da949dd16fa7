package dev.servicedesk.intake.benchmark;

import dev.servicedesk.intake.IntakeApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

/**
 * The two servers under test, in a JVM of their own so that their CPU time can be told apart from
 * the broker's and the database's: intake (with its projection) and a bare WebFlux endpoint. Prints
 * {@code ports <intake> <bare>} once both listen, and stops when its standard input closes.
 *
 * <p>Arguments: Kafka bootstrap servers, MongoDB connection string, then any Spring properties for intake.
 */
public final class BenchmarkServices {

    static final String READY = "ports ";

    private BenchmarkServices() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + args[0],
                "--spring.mongodb.uri=" + args[1], "--spring.mongodb.database=intake-benchmark",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        options.addAll(Arrays.asList(args).subList(2, args.length));
        ConfigurableApplicationContext intake = IntakeApplication.builder().run(options.toArray(String[]::new));
        DisposableServer bare = bareEndpoint();
        System.out.println(READY + intake.getEnvironment().getRequiredProperty("local.server.port") + " " + bare.port());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
            while (in.readLine() != null) {
                // the benchmark closes our input when it is done
            }
        }
        bare.disposeNow(Duration.ofSeconds(5));
        intake.close();
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
}
