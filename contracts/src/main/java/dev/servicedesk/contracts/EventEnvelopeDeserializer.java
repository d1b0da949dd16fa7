package dev.servicedesk.contracts;

import org.apache.kafka.common.serialization.Deserializer;

public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new MalformedEventException("empty record on " + topic);
        }
        return EventCodec.read(data);
    }
}
