package dev.servicedesk.kit.messaging;

import dev.servicedesk.contracts.EventEnvelope;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import java.util.List;
import java.util.function.Consumer;

/**
 * How a batch listener treats a poll with an unreadable record (a value the deserializer could not
 * decode arrives as {@code null}): the records before it are handled, then it is reported by its
 * index, so the shared error handler commits those and dead-letters only it, with the reason.
 */
public final class PollRecords {

    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(PollRecords.class));

    private PollRecords() {
    }

    public static void handleReadable(List<ConsumerRecord<String, EventEnvelope>> poll,
                                      Consumer<List<ConsumerRecord<String, EventEnvelope>>> handler) {
        for (int index = 0; index < poll.size(); index++) {
            if (poll.get(index).value() == null) {
                if (index > 0) {
                    handler.accept(poll.subList(0, index));
                }
                throw new BatchListenerFailedException("unreadable event", reason(poll.get(index)), index);
            }
        }
        if (!poll.isEmpty()) {
            handler.accept(poll);
        }
    }

    private static RuntimeException reason(ConsumerRecord<String, EventEnvelope> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return failure != null ? failure : new IllegalArgumentException("empty record");
    }
}
