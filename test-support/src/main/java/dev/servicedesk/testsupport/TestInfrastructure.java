package dev.servicedesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka broker and MongoDB server that every integration test in this JVM shares: pinned
 * Docker images when a Docker engine is reachable, otherwise the in-process loopback broker and
 * mongo-java-server. Started on first use, stopped by a shutdown hook.
 *
 * <p>System property {@code test.infrastructure} ({@code auto} by default, {@code embedded} or
 * {@code docker}) overrides the choice.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("intake"));
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0.15";
    static final String MODE_PROPERTY = "test.infrastructure";
    private static final Set<String> SPRING_SHUTDOWN_HOOKS = Set.of("SpringContextShutdownHook", "SpringApplicationShutdownHook");
    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private static TestInfrastructure instance;

    private final String kind;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final List<AutoCloseable> resources;

    private TestInfrastructure(String kind, String kafkaBootstrapServers, String mongoUri, List<AutoCloseable> resources) {
        this.kind = kind;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.resources = resources;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            long started = System.nanoTime();
            instance = useDocker() ? startContainers() : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
            System.out.printf("[test-infrastructure] %s (started in %d ms)%n",
                    instance.kind, (System.nanoTime() - started) / 1_000_000);
        }
        return instance;
    }

    /**
     * Points Spring Boot at the shared broker and server; {@code database} keeps this test class's
     * documents apart from other classes' (see {@link #uniqueDatabase(String)}).
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", () -> get().kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", () -> get().mongoUri());
        registry.add("spring.mongodb.database", () -> database);
        TestTokens.register(registry);
    }

    /** A MongoDB database name that no other test class uses, e.g. {@code intake_3f9c1a2b}. */
    public static String uniqueDatabase(String prefix) {
        String safe = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        if (safe.length() > 40) {
            safe = safe.substring(0, 40); // MongoDB allows 63 bytes; leave room for the suffix
        }
        return safe + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A {@code mongodb://host:port} URI without database or credentials. */
    public String mongoUri() {
        return mongoUri;
    }

    /** What is running, e.g. {@code embedded KRaft broker 127.0.0.1:PORT + mongo-java-server 127.0.0.1:PORT}. */
    public String kind() {
        return kind;
    }

    private static boolean useDocker() {
        String mode = System.getProperty(MODE_PROPERTY, "auto");
        return switch (mode) {
            case "embedded" -> false;
            case "docker" -> true;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be auto, embedded or docker, not " + mode);
        };
    }

    private static TestInfrastructure startContainers() {
        // same broker defaults as the embedded one, so a test passes or fails the same way on both
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
        try {
            Stream.of(kafka, mongo).parallel().forEach(container -> container.start());
        } catch (RuntimeException e) {
            kafka.stop();
            mongo.stop();
            throw e;
        }
        String kind = "docker " + KAFKA_IMAGE + " " + kafka.getBootstrapServers()
                + " + " + MONGO_IMAGE + " " + mongo.getConnectionString();
        return new TestInfrastructure(kind, kafka.getBootstrapServers(), mongo.getConnectionString(),
                List.of(kafka::stop, mongo::stop));
    }

    private static TestInfrastructure startEmbedded() {
        Path logDir = createTempDirectory();
        LoopbackKafkaBroker kafka = LoopbackKafkaBroker.start(logDir, 0);
        EmbeddedMongo mongo;
        try {
            mongo = EmbeddedMongo.inMemory();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        String kind = "embedded KRaft broker " + kafka.bootstrapServers()
                + " + mongo-java-server 127.0.0.1:" + mongo.port();
        return new TestInfrastructure(kind, kafka.bootstrapServers(), mongo.connectionString(),
                List.of(kafka, mongo, () -> deleteRecursively(logDir)));
    }

    private void stop() {
        awaitSpringShutdownHooks();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[test-infrastructure] stopping failed: " + e);
            }
        }
    }

    // JVM shutdown hooks run concurrently. Stopping the broker under a closing Spring context makes its
    // Kafka consumers wait for a vanished group coordinator (up to 30 s with auto-commit) and log errors.
    private static void awaitSpringShutdownHooks() {
        try {
            Thread.sleep(100); // the JVM starts all hooks at once; give theirs time to appear
            long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
            for (Thread hook : Thread.getAllStackTraces().keySet()) {
                if (SPRING_SHUTDOWN_HOOKS.contains(hook.getName())) {
                    hook.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
