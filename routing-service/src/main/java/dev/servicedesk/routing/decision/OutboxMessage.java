package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.EventEnvelope;

/**
 * An event to publish on a topic, in its wire form: encoded once when decided, stored with the
 * decision and sent as stored, so what is published is byte for byte what was decided.
 *
 * @param type  the event's logical type name, to find an event without decoding the others
 * @param event the envelope as {@link EventCodec#write} wrote it
 */
public record OutboxMessage(String topic, String type, byte[] event) {

    static OutboxMessage of(String topic, EventEnvelope envelope) {
        return new OutboxMessage(topic, envelope.type(), EventCodec.write(envelope));
    }

    public EventEnvelope envelope() {
        return EventCodec.read(event);
    }
}
