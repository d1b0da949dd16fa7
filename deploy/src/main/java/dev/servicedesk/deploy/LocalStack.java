package dev.servicedesk.deploy;

import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the whole system on embedded defaults: a KRaft Kafka broker and mongo-java-server (H2 file)
 * storing under the data folder, every service, and the gateway on 8080. Ctrl-C stops it cleanly;
 * starting again on the same data folder keeps every ticket.
 *
 * <p>Environment: {@code SERVICEDESK_DATA} (default {@code ./data}), {@code KAFKA_PORT} (9092),
 * {@code MONGODB_PORT} (27017).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path data = Path.of(System.getenv().getOrDefault("SERVICEDESK_DATA", "data")).toAbsolutePath();
        Files.createDirectories(data);
        int kafkaPort = Integer.parseInt(System.getenv().getOrDefault("KAFKA_PORT", "9092"));
        int mongoPort = Integer.parseInt(System.getenv().getOrDefault("MONGODB_PORT", "27017"));

        LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(data.resolve("kafka"), kafkaPort);
        // "memory" keeps the database in the heap only (lost at exit): for demos and for measuring the store's share
        EmbeddedMongo mongo = "memory".equals(System.getenv("SERVICEDESK_STORE"))
                ? EmbeddedMongo.inMemory(mongoPort)
                : EmbeddedMongo.onFile(data.resolve("mongo").resolve("servicedesk.mv"), mongoPort);
        ServiceSystem system = ServiceSystem.start(broker.bootstrapServers(), mongo.connectionString(), true, args);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: gateway, services, broker, database...");
            system.close();
            broker.close();
            mongo.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));

        Duration startup = Duration.between(started, Instant.now());
        StringBuilder banner = new StringBuilder()
                .append("\nService desk is up in ").append(startup.toMillis() / 1000.0).append(" s\n")
                .append(String.format("  %-18s %s%n", "gateway + API", system.gatewayUrl() + "/api/tickets"))
                .append(String.format("  %-18s %s%n", "dashboard", system.gatewayUrl() + "/"));
        system.serviceUrls().forEach((name, url) -> banner.append(String.format("  %-18s %s%n", name, url)));
        banner.append(String.format("  %-18s %s%n", "kafka", broker.bootstrapServers()))
                .append(String.format("  %-18s %s%n", "mongodb", mongo.connectionString()))
                .append(String.format("  %-18s %s%n", "data folder", data))
                .append("Press Ctrl-C to stop.\n");
        System.out.println(banner);
        Thread.currentThread().join();
    }
}
