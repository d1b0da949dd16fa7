package dev.servicedesk.kit.messaging;

import dev.servicedesk.contracts.EventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

/** Publishes an event keyed by its ticket id; the Mono completes only once the broker acknowledged it. */
public class EventPublisher {

    private final KafkaTemplate<String, EventEnvelope> template;

    public EventPublisher(KafkaTemplate<String, EventEnvelope> template) {
        this.template = template;
    }

    public Mono<SendResult<String, EventEnvelope>> publish(String topic, EventEnvelope event) {
        return Mono.defer(() -> Mono.fromFuture(template.send(topic, event.ticketId(), event)));
    }
}
