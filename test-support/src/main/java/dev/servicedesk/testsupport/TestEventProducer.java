package dev.servicedesk.testsupport;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventEnvelopeSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feeds events to the test broker as a service would, keyed by ticket id. Sending to an explicit
 * partition lets a test put a marker behind an event and know, once the marker is handled, that
 * the event before it was handled too.
 */
public final class TestEventProducer implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope> producer;

    public TestEventProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventEnvelopeSerializer());
    }

    /** @return the partition the event landed on */
    public int send(String topic, EventEnvelope event) {
        return send(new ProducerRecord<>(topic, event.ticketId(), event));
    }

    /** Sends to the given partition, e.g. the one an earlier event of another ticket landed on. */
    public int send(String topic, int partition, EventEnvelope event) {
        return send(new ProducerRecord<>(topic, partition, event.ticketId(), event));
    }

    private int send(ProducerRecord<String, EventEnvelope> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS).partition();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + record.value().type() + " to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
