package dev.servicedesk.kit.messaging;

import dev.servicedesk.contracts.EventEnvelope;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;

/** Publishes an event keyed by its ticket id; the Mono completes only once the broker acknowledged it. */
public class EventPublisher {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final KafkaTemplate<String, EventEnvelope> template;

    public EventPublisher(KafkaTemplate<String, EventEnvelope> template) {
        this.template = template;
    }

    public Mono<SendResult<String, EventEnvelope>> publish(String topic, EventEnvelope event) {
        // A WebFlux request keeps its observation in the Reactor context, not in a thread local where the
        // template looks for the parent of its send: restore it for the send, so the record joins the request's trace.
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
                return Mono.fromFuture(template.send(topic, event.ticketId(), event));
            }
        });
    }
}
