package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoopbackKafkaBrokerIntegrationTest {

    private static final String TOPIC = "tickets";

    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackOnly() {
        try (LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(dir.resolve("kafka"), 0)) {
            LoopbackOnly.assertListensOnLoopbackOnly(LoopbackOnly.portOf(broker.bootstrapServers()));
        }
    }

    @Test
    void servesAcknowledgedRecordsAndKeepsThemAcrossRestart() throws Exception {
        Path logDir = dir.resolve("kafka");

        long started = System.nanoTime();
        try (LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(logDir, 0)) {
            report("cold start (format + start)", started);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            produce(broker.bootstrapServers(), "T-1", "opened");
            assertThat(consume(broker.bootstrapServers(), 1)).containsExactly("opened");
            started = System.nanoTime();
        }
        report("stop", started);

        started = System.nanoTime();
        try (LoopbackKafkaBroker restarted = LoopbackKafkaBroker.start(logDir, 0)) {
            report("restart on the same log dir", started);
            assertThat(consume(restarted.bootstrapServers(), 1)).containsExactly("opened");

            produce(restarted.bootstrapServers(), "T-1", "closed");
            assertThat(consume(restarted.bootstrapServers(), 2)).containsExactly("opened", "closed");
        }
    }

    @Test
    void launchReturnsBeforeTheBrokerServesAndAClientStartedMeanwhileIsServedOnceItDoes() throws Exception {
        LoopbackKafkaBroker.Launch launch = LoopbackKafkaBroker.launch(dir.resolve("kafka"), 0);
        try {
            assertThat(launch.broker()).isNotDone();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launch.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            produce(launch.bootstrapServers(), "T-1", "opened");
        } finally {
            try (LoopbackKafkaBroker broker = launch.ready()) {
                assertThat(broker.bootstrapServers()).isEqualTo(launch.bootstrapServers());
            }
        }
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} records arrived. */
    private static List<String> consume(String bootstrap, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("[timing] kafka %s: %d ms%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }
}
