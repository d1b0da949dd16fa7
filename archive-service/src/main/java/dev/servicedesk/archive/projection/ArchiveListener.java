package dev.servicedesk.archive.projection;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.kit.messaging.MessagingConfiguration;
import dev.servicedesk.kit.messaging.PollRecords;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Feeds every ticket topic into the projection, a poll at a time. Offsets are committed after the
 * poll's writes. An unreadable record is reported by its index once the records before it are
 * stored, so only it is dead-lettered. While the database is unreachable the poll is retried here,
 * with backoff and without limit, rather than dead-lettered: the events are fine, the store is not.
 * Any other failure goes to the shared error handler.
 */
@Component
class ArchiveListener {

    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(ArchiveListener.class));
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final PollProjection projection;

    ArchiveListener(PollProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "archive-projection", idIsGroup = false, topics = "#{@archiveTopics.names()}",
            containerFactory = MessagingConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        PollRecords.handleReadable(batch, this::project);
    }

    private void project(List<ConsumerRecord<String, EventEnvelope>> records) {
        projection.project(records)
                .timeout(WRITE_TIMEOUT)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
                        .filter(ArchiveListener::isStoreUnavailable)
                        .doBeforeRetry(retry -> LOG.warn(retry.failure(), () -> "archive write failed; retrying the poll")))
                .block();
    }

    private static boolean isStoreUnavailable(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof TimeoutException;
    }

}
