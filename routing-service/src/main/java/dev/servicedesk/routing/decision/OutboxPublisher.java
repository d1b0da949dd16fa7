package dev.servicedesk.routing.decision;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends stored outbox events as they were stored (bytes, keyed by ticket id), with the producer
 * settings of {@code spring.kafka.producer}: nothing is encoded again on the way out. Its own
 * producer, not a bean, so Boot's {@code KafkaTemplate} for envelopes stays as it is.
 */
@Component
class OutboxPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    OutboxPublisher(KafkaProperties properties) {
        this.producers = new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(),
                new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** Hands the event to the producer; the future completes once the broker acknowledged it. */
    CompletableFuture<SendResult<String, byte[]>> send(String ticketId, OutboxMessage message) {
        return template.send(message.topic(), ticketId, message.event());
    }

    /** Sends the events in order, all before any acknowledgement is awaited; completes when all were acknowledged. */
    Mono<Void> publish(String ticketId, List<OutboxMessage> outbox) {
        return Flux.fromIterable(outbox)
                .flatMapSequential(message -> Mono.fromFuture(() -> send(ticketId, message)))
                .then();
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
