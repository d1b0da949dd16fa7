package dev.servicedesk.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM and
 * listening on 127.0.0.1 only. The log directory keeps the cluster id and all records, so a
 * restart on the same directory serves what was written before.
 */
public final class LoopbackKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final DirectoryLock lock;
    private final String bootstrapServers;
    private boolean closed;

    private LoopbackKafkaBroker(KafkaRaftServer server, DirectoryLock lock, String bootstrapServers) {
        this.server = server;
        this.lock = lock;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker and returns once it accepts client requests.
     *
     * @param logDir data directory; formatted on first use, reused as is afterwards
     * @param port   client (PLAINTEXT) port, or 0 for a free one
     */
    public static LoopbackKafkaBroker start(Path logDir, int port) {
        return start(logDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with broker properties that replace the defaults, e.g. a short
     * {@code broker.session.timeout.ms} for a test that kills the broker: a broker restarted after
     * SIGKILL can register only once its previous session expired.
     */
    public static LoopbackKafkaBroker start(Path logDir, int port, Map<String, String> overrides) {
        return launch(logDir, port, overrides).ready();
    }

    /**
     * Takes the log directory and the ports, then starts the broker on a thread of its own and returns
     * at once, so that its clients can start meanwhile: a broker restarted after SIGKILL spends most of
     * its start waiting for its previous session to expire, time its clients can use to start.
     *
     * @param port client (PLAINTEXT) port, or 0 for a free one
     */
    public static Launch launch(Path logDir, int port) {
        return launch(logDir, port, Map.of());
    }

    private static Launch launch(Path logDir, int port, Map<String, String> overrides) {
        QuietLogging.warnOnly("kafka", "state.change.logger", "org.apache.kafka");
        DirectoryLock lock = DirectoryLock.acquire(logDir, "LoopbackKafkaBroker");
        try {
            int clientPort = port == 0 ? FreePorts.loopback() : port;
            int controllerPort = FreePorts.loopbackOtherThan(clientPort);
            Properties props = properties(logDir.toAbsolutePath(), clientPort, controllerPort);
            props.putAll(overrides);
            formatIfNeeded(logDir, props);
            String bootstrap = HOST + ":" + clientPort;
            CompletableFuture<LoopbackKafkaBroker> starting = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    starting.complete(new LoopbackKafkaBroker(startServer(props, bootstrap), lock, bootstrap));
                } catch (Throwable failure) {
                    lock.close();
                    starting.completeExceptionally(failure);
                }
            }, "kafka-broker-start");
            starter.start();
            return new Launch(bootstrap, starting);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static KafkaRaftServer startServer(Properties props, String bootstrap) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
            awaitReady(bootstrap);
            return server;
        } catch (RuntimeException e) {
            shutdown(server);
            throw e;
        }
    }

    /** A broker being started: where its clients will find it, and the broker once it accepts requests. */
    public record Launch(String bootstrapServers, CompletableFuture<LoopbackKafkaBroker> broker) {

        /** Waits until the broker accepts client requests, and rethrows why it could not start. */
        public LoopbackKafkaBroker ready() {
            try {
                return broker.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                shutdown(server);
            } finally {
                lock.close();
            }
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    // A static single-voter quorum: unlike a dynamic (--standalone) quorum, which records the
    // controller endpoint in the metadata log, it lets the controller take a new free port on restart.
    private static Properties properties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "6"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "6"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "6"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                // unfencing waits for a heartbeat; the 2 s default dominates the start time
                Map.entry("broker.heartbeat.interval.ms", "200"),
                // A broker restarted after kill -9 serves only once its previous session expired, so this
                // is the least a restart after a crash takes. Longer than Kafka's 9 s: on a starved CPU
                // the controller may miss heartbeats, and fencing the only broker stalls every client.
                Map.entry("broker.session.timeout.ms", "15000"),
                // the default 128 MB compaction buffer is allocated eagerly in every test JVM
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4")));
        return p;
    }

    private static void formatIfNeeded(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // already formatted: its meta.properties carries the cluster id
        }
        try {
            Path config = Files.createTempFile("kraft-format", ".properties");
            try {
                try (Writer out = Files.newBufferedWriter(config)) {
                    props.store(out, null);
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()};
                int exit = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
                if (exit != 0) {
                    throw new IllegalStateException("Formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Metadata responses list only unfenced brokers, so a listed node means producers can write.
    private static void awaitReady(String bootstrap) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrap + " did not become ready", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker on " + bootstrap + " registered no node in time");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
