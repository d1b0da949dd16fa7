package dev.servicedesk.deploy;

import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;
import dev.servicedesk.gateway.security.CreateApiKey;
import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.MintToken;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenRequest;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Starts the whole system on embedded defaults: a KRaft Kafka broker and mongo-java-server (H2 file)
 * storing under the data folder, every service, and the gateway on 8080. Ctrl-C stops it cleanly;
 * starting again on the same data folder keeps every ticket.
 *
 * <p>Environment: {@code SERVICEDESK_DATA} (default {@code ./data}), {@code KAFKA_PORT} (9092),
 * {@code MONGODB_PORT} (27017), {@code SERVICEDESK_PORT_OFFSET} (0; added to the HTTP ports 8080-8085). The token issuer's keys and the hashed API keys are under
 * {@code <data>/security}; {@code token ...} and {@code api-key ...} as first argument mint a token or
 * make an API key there instead of starting the stack; {@code archive-classes} starts and stops it once
 * on a throw-away folder and free ports, for the build's class archive ({@link #startOnceForClassArchive()}).
 */
public final class LocalStack {

    private static final Duration DASHBOARD_TOKEN_VALIDITY = Duration.ofHours(12);
    private static final Duration WARM_UP_TOKEN_VALIDITY = Duration.ofMinutes(1);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        // java -jar servicedesk-local.jar token role=agent subject=alice | api-key name=web role=channel channel=web
        if (args.length > 0 && args[0].equals("token")) {
            MintToken.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("api-key")) {
            CreateApiKey.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("archive-classes")) {
            startOnceForClassArchive();
            return;
        }
        Instant started = Instant.now();
        Path data = Path.of(System.getenv().getOrDefault("SERVICEDESK_DATA", "data")).toAbsolutePath();
        Files.createDirectories(data);
        Path security = data.resolve("security");
        LocalIssuer issuer = LocalIssuer.openOrCreate(security);
        int kafkaPort = Integer.parseInt(System.getenv().getOrDefault("KAFKA_PORT", "9092"));
        int mongoPort = Integer.parseInt(System.getenv().getOrDefault("MONGODB_PORT", "27017"));
        int portOffset = Integer.parseInt(System.getenv().getOrDefault("SERVICEDESK_PORT_OFFSET", "0"));

        Running stack = startAll(data, kafkaPort, mongoPort, OptionalInt.of(portOffset), stackArgs(security, args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: gateway, services, broker, database...");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));
        ServiceSystem system = stack.services();
        // before reporting up, so that the first front ends do not pay for the cold request path
        warmUp(system, issuer);

        Duration startup = Duration.between(started, Instant.now());
        // The dashboard signs in with a dashboard token carried in the link (kept by the page, not the server).
        String dashboardToken = issuer.mint(TokenRequest.of("local-dashboard", Role.DASHBOARD, DASHBOARD_TOKEN_VALIDITY));
        StringBuilder banner = new StringBuilder()
                .append("\nService desk is up in ").append(startup.toMillis() / 1000.0).append(" s\n")
                .append(String.format("  %-18s %s%n", "gateway + API", system.gatewayUrl() + "/api/tickets"))
                .append(String.format("  %-18s %s%n", "dashboard", system.gatewayUrl() + "/#token=" + dashboardToken))
                .append(String.format("  %-18s %s%n", "API documents", system.gatewayUrl() + "/swagger-ui.html"))
                .append(String.format("  %-18s %s%n", "a token", "java -jar deploy/target/servicedesk-local.jar token role=agent subject=alice"));
        system.serviceUrls().forEach((name, url) -> banner.append(String.format("  %-18s %s%n", name, url)));
        banner.append(String.format("  %-18s %s%n", "kafka", stack.broker().bootstrapServers()))
                .append(String.format("  %-18s %s%n", "mongodb", stack.mongo().connectionString()))
                .append(String.format("  %-18s %s%n", "data folder", data))
                .append("Press Ctrl-C to stop.\n");
        System.out.println(banner);
        Thread.currentThread().join();
    }

    /**
     * Starts everything once and stops it again, on a throw-away data folder and free ports, so that it
     * can run beside a stack already started. The build runs this with {@code -XX:ArchiveClassesAtExit}:
     * the JVM then writes the classes the start loaded into an archive, from which later starts map them
     * instead of loading, checking and parsing them from the jars again (docs/operations.md).
     */
    private static void startOnceForClassArchive() throws IOException {
        Path data = Files.createTempDirectory("servicedesk-class-archive");
        try {
            Path security = data.resolve("security");
            LocalIssuer issuer = LocalIssuer.openOrCreate(security);
            Running stack = startAll(data, 0, 0, OptionalInt.empty(), stackArgs(security, new String[0]));
            try {
                warmUp(stack.services(), issuer); // the request path's classes belong in the archive too
            } finally {
                stack.close();
            }
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
        // the broker's and the services' non-daemon threads may outlive their close; the archive is written at exit
        System.exit(0);
    }

    private static String[] stackArgs(Path security, String[] args) {
        return Stream.concat(Stream.of(
                        "--servicedesk.security.key-folder=" + security,
                        "--servicedesk.gateway.security.api-keys-file=" + security.resolve("api-keys.txt")),
                Arrays.stream(args)).toArray(String[]::new);
    }

    private static void warmUp(ServiceSystem system, LocalIssuer issuer) {
        GatewayWarmUp.run(system.gatewayUrl(), issuer.mint(TokenRequest.of("local-warm-up", Role.ADMIN, WARM_UP_TOKEN_VALIDITY)));
    }

    private record Running(EmbeddedMongo mongo, ServiceSystem services, LoopbackKafkaBroker broker) implements AutoCloseable {

        @Override
        public void close() {
            services.close();
            broker.close();
            mongo.close();
        }
    }

    /**
     * The services start while the broker does: after a kill -9 the broker waits for its previous
     * session to expire before it serves, and the services use that time to start.
     */
    private static Running startAll(Path data, int kafkaPort, int mongoPort, OptionalInt portOffset, String[] stackArgs) {
        LoopbackKafkaBroker.Launch launch = LoopbackKafkaBroker.launch(data.resolve("kafka"), kafkaPort);
        EmbeddedMongo mongo = null;
        ServiceSystem services = null;
        try {
            // "memory" keeps the database in the heap only (lost at exit): for demos and for measuring the store's share
            mongo = "memory".equals(System.getenv("SERVICEDESK_STORE"))
                    ? EmbeddedMongo.inMemory(mongoPort)
                    : EmbeddedMongo.onFile(data.resolve("mongo").resolve("servicedesk.mv"), mongoPort);
            services = ServiceSystem.start(launch.bootstrapServers(), mongo.connectionString(), portOffset, stackArgs);
            return new Running(mongo, services, launch.ready());
        } catch (RuntimeException failure) {
            if (services != null) {
                services.close();
            }
            launch.broker().thenAccept(LoopbackKafkaBroker::close); // once started; nothing to close if it failed
            if (mongo != null) {
                mongo.close();
            }
            throw failure;
        }
    }
}
