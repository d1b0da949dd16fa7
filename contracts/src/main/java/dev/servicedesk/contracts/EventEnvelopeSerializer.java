package dev.servicedesk.contracts;

import org.apache.kafka.common.serialization.Serializer;

public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope envelope) {
        return envelope == null ? null : EventCodec.write(envelope);
    }
}
