package dev.servicedesk.routing.benchmark;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import dev.servicedesk.contracts.EventTypes;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.embedded.EmbeddedMongo;
import dev.servicedesk.embedded.LoopbackKafkaBroker;
import dev.servicedesk.routing.RoutingApplication;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Throughput and latency of one routing instance on this machine, on the embedded broker and
 * database. Not a test: run it by hand (see the module's docs for the command).
 *
 * <p>Phase 1 (throughput): with routing's listeners paused, {@code count} TicketReceived events are
 * put on the broker; routed/s is the number routed divided by the time from resuming the listeners
 * to the last TicketRouted.
 * Phase 2 (latency): tickets at a steady {@code rate} per second for {@code seconds}; p50/p99 of the
 * time from sending TicketReceived to receiving its TicketRouted. Both phases are bounded in time.
 *
 * CPU time per routed ticket is the process's CPU time over phase 1 divided by the tickets routed,
 * split by thread groups ({@link CpuBreakdown}): broker, database and load generator run in the
 * same process.
 *
 * <p>Arguments (all optional): {@code warmup=20000 count=60000 rate=500 seconds=10 timeout=150}; {@code warmup}
 * tickets a round, up to twelve rounds until the JIT compilers take under 10 % of the CPU; the
 * warm-up tickets (JIT, consumer assignment, connections) are not measured.
 */
public final class RoutingBenchmark {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(3);
    private static final int WARMUP_ROUNDS = 12;
    private static final double WARM_JIT_SHARE = 0.10;

    private static final byte[] ROUTED_TYPE = ("\"type\":\"" + EventTypes.nameOf(TicketRouted.class) + "\"")
            .getBytes(StandardCharsets.UTF_8);

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> latenciesNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger routed = new AtomicInteger();
    private volatile long lastRoutedNanos;
    private volatile boolean recordLatency;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("count", "60000", "warmup", "20000", "rate", "500", "seconds", "10", "timeout", "150"));
        Arrays.stream(args).map(arg -> arg.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> options.put(kv[0], kv[1]));
        new RoutingBenchmark().run(Integer.parseInt(options.get("warmup")), Integer.parseInt(options.get("count")),
                Integer.parseInt(options.get("rate")),
                Integer.parseInt(options.get("seconds")), Duration.ofSeconds(Long.parseLong(options.get("timeout"))));
        System.exit(0);
    }

    private void run(int warmup, int count, int rate, int seconds, Duration timeout) throws Exception {
        Path dir = Files.createTempDirectory("routing-benchmark");
        System.out.printf("routing benchmark: %d cores, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(dir.resolve("kafka"), 0);
             EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            long started = System.nanoTime();
            // command-line arguments: they outrank the shared defaults, unlike the builder's default properties
            ConfigurableApplicationContext routing = RoutingApplication.builder().run(
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--spring.mongodb.uri=" + mongo.connectionString(),
                    "--spring.mongodb.database=routing-benchmark",
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN");
            System.out.printf("routing context started in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            List<String[]> texts = texts();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> readRouted(broker.bootstrapServers(), stop), "routed-reader");
            reader.start();
            try (KafkaProducer<String, EventEnvelope> producer = producer(broker.bootstrapServers())) {
                // bursts wait on the broker as a backlog, so the producer's work is not counted against
                // routing: routed/s is how fast one instance drains it
                List<MessageListenerContainer> listeners = List.copyOf(
                        routing.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers());
                // warm-up, the same way (consumer group assignment, connections), until the JIT compilers
                // are nearly done: broker, database and routing in one JVM keep them busy for minutes
                for (int round = 1; round <= WARMUP_ROUNDS; round++) {
                    Burst warming = drain(listeners, producer, texts, warmup, timeout);
                    double jit = warming.cpu().share(CpuBreakdown.JIT);
                    System.out.printf("warm-up %d: %s, JIT compilers %.0f %% of CPU%n", round, warming.summary(), 100 * jit);
                    if (jit < WARM_JIT_SHARE) {
                        break;
                    }
                }
                Burst burst = drain(listeners, producer, texts, count, timeout);
                System.out.printf("%nthroughput: %s%n", burst.summary());
                System.out.printf("CPU time per routed ticket, by threads (broker, database, routing and load generator share the process):%n%s",
                        burst.cpu().perTicket(burst.routed()));

                routed.set(0);
                recordLatency = true;
                int paced = rate * seconds;
                send(producer, texts, paced, rate);
                boolean complete = awaitRouted(paced, timeout);
                List<Long> sorted = new ArrayList<>(latenciesNanos);
                sorted.sort(null);
                System.out.printf("latency at %d tickets/s for %d s (%d routed%s): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        rate, seconds, sorted.size(), complete ? "" : ", timed out",
                        percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
            } finally {
                stop.set(true);
                reader.join(5_000);
                routing.close();
            }
        }
    }

    private record Burst(int routed, double seconds, boolean complete, CpuBreakdown.Spent cpu) {
        String summary() {
            return String.format("a backlog of %d tickets routed in %.2f s = %.0f routed/s%s", routed, seconds, routed / seconds,
                    complete ? "" : " (timed out before all were routed)");
        }
    }

    /** Puts {@code count} tickets on the broker while routing is paused, then times routing them all. */
    private Burst drain(List<MessageListenerContainer> listeners, KafkaProducer<String, EventEnvelope> producer,
                        List<String[]> texts, int count, Duration timeout) {
        routed.set(0);
        listeners.forEach(MessageListenerContainer::pause);
        awaitPaused(listeners, timeout);
        send(producer, texts, count, 0);
        CpuBreakdown cpu = new CpuBreakdown();
        long start = System.nanoTime();
        listeners.forEach(MessageListenerContainer::resume);
        boolean complete = awaitRouted(count, timeout);
        int done = routed.get();
        return new Burst(done, (lastRoutedNanos - start) / 1e9, complete, cpu.spent());
    }

    private void send(KafkaProducer<String, EventEnvelope> producer, List<String[]> texts, int count, int perSecond) {
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * (1e9 / perSecond));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            String ticketId = "B-" + UUID.randomUUID();
            String[] text = texts.get(i % texts.size());
            Instant now = Instant.now();
            TicketReceived payload = new TicketReceived(Channel.APP,
                    new CustomerRef("bc-" + (i % 5_000), "Bench", null, null, i % 10 == 0 ? CustomerTier.VIP : CustomerTier.NORMAL),
                    "SO-" + i, i % 3 == 0 ? new ProductRef("Kettle K" + (i % 50), "B" + (i % 7)) : null,
                    text[1], null, null, Channel.APP, text[0], List.of(), false, now);
            EventEnvelope envelope = EventEnvelope.first(UUID.randomUUID(), ticketId, "benchmark", ticketId, now, payload);
            sentAt.put(ticketId, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, ticketId, envelope));
        }
        producer.flush();
    }

    private static void awaitPaused(List<MessageListenerContainer> listeners, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listeners.stream().allMatch(MessageListenerContainer::isContainerPaused)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("routing's listeners did not pause within " + timeout);
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }

    private boolean awaitRouted(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (routed.get() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return true;
    }

    /**
     * Reads the routing topic as bytes and recognises TicketRouted by the envelope's type, which
     * the codec writes second: decoding every event would make the measuring load compete with
     * routing for the same two cores.
     */
    private void readRouted(String bootstrap, AtomicBoolean stop) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TICKET_ROUTING));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    if (isTicketRouted(record.value())) {
                        long now = System.nanoTime();
                        Long sent = sentAt.remove(record.key());
                        if (sent != null) {
                            if (recordLatency) {
                                latenciesNanos.add(now - sent);
                            }
                            lastRoutedNanos = now;
                            routed.incrementAndGet();
                        }
                    }
                }
            }
        }
    }

    private static boolean isTicketRouted(byte[] event) {
        int limit = Math.min(event.length - ROUTED_TYPE.length, 128);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < ROUTED_TYPE.length; j++) {
                if (event[i + j] != ROUTED_TYPE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static KafkaProducer<String, EventEnvelope> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                // the load generator stands in for intake; without idempotence a broker fenced for a
                // moment on a starved machine cannot leave it stuck retrying out-of-order sequences
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536), new StringSerializer(), new EventEnvelopeSerializer());
    }

    /** Language and text pairs from the labelled sets, so the classifier does real work. */
    private static List<String[]> texts() throws Exception {
        List<String[]> texts = new ArrayList<>();
        for (String resource : List.of("/classification/holdout.tsv", "/classification/tuning.tsv")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    Objects.requireNonNull(RoutingBenchmark.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
                reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.split("\t", 5)[4])
                        .forEach(text -> texts.add(new String[] {text.chars().anyMatch(c -> c >= 0x4E00) ? "zh" : "en", text}));
            }
        }
        return texts;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
