package dev.servicedesk.routing;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeDeserializer;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Feeds events to topics and reads them back from the beginning, as another service would. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope> consumer;
    private final KafkaProducer<String, EventEnvelope> producer;
    private final List<ConsumerRecord<String, EventEnvelope>> seen = new ArrayList<>();

    public TopicProbe(String bootstrap, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventEnvelopeDeserializer());
        consumer.subscribe(topics);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventEnvelopeSerializer());
    }

    public void send(String topic, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.ticketId(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until a record matching {@code until} was seen; returns every record seen so far. */
    public List<ConsumerRecord<String, EventEnvelope>> awaitRecord(Predicate<ConsumerRecord<String, EventEnvelope>> until) {
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().anyMatch(until);
        });
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, EventEnvelope>> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
