package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an event to its ticket's document: adds it to the timeline and folds the state again.
 * An event already in the timeline changes nothing, so redeliveries and replays are harmless.
 * Concurrent writers (two topics, several instances) are serialised by a version check and retry.
 */
@Component
class TicketProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketProjection.class);
    private static final int MAX_CONFLICTS = 10;

    enum Outcome { APPLIED, DUPLICATE }

    private final ReactiveMongoTemplate mongo;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter conflicts;

    TicketProjection(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.applied = meters.counter("archive.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("archive.projection.events", "outcome", "duplicate");
        this.conflicts = meters.counter("archive.projection.conflicts");
    }

    Mono<Outcome> apply(EventEnvelope event) {
        TimelineEntry entry = TimelineEntry.of(event);
        return Mono.defer(() -> attempt(event.ticketId(), entry))
                .doOnError(TicketProjection::isConflict, e -> conflicts.increment())
                .retryWhen(Retry.backoff(MAX_CONFLICTS, Duration.ofMillis(5)).filter(TicketProjection::isConflict))
                .doOnNext(outcome -> (outcome == Outcome.APPLIED ? applied : duplicates).increment())
                .doOnNext(outcome -> log.debug("{} {} of ticket {}: {}", outcome, event.type(), event.ticketId(), event.eventId()));
    }

    private Mono<Outcome> attempt(String ticketId, TimelineEntry entry) {
        return mongo.findById(ticketId, TicketDocument.class)
                .flatMap(current -> update(current, entry))
                .switchIfEmpty(Mono.defer(() -> insert(ticketId, entry)));
    }

    private Mono<Outcome> insert(String ticketId, TimelineEntry entry) {
        TicketDocument created = TicketFold.fold(ticketId, 1, List.of(entry));
        return mongo.insert(created).thenReturn(Outcome.APPLIED);
    }

    private Mono<Outcome> update(TicketDocument current, TimelineEntry entry) {
        if (current.contains(entry.eventId())) {
            return Mono.just(Outcome.DUPLICATE);
        }
        List<TimelineEntry> timeline = new ArrayList<>(current.timeline());
        timeline.add(entry);
        TicketDocument next = TicketFold.fold(current.id(), current.version() + 1, timeline);
        Query sameVersion = Query.query(Criteria.where("_id").is(current.id())
                .and(TicketDocument.Fields.VERSION).is(current.version()));
        return mongo.findAndReplace(sameVersion, next)
                .map(previous -> Outcome.APPLIED)
                .switchIfEmpty(Mono.error(new ConcurrentUpdate(current.id())));
    }

    /** A concurrent first event of the same ticket surfaces as a duplicate key on insert. */
    private static boolean isConflict(Throwable e) {
        return e instanceof ConcurrentUpdate || e instanceof DuplicateKeyException;
    }

    /** Someone else wrote the ticket between our read and our write. */
    private static final class ConcurrentUpdate extends RuntimeException {
        ConcurrentUpdate(String ticketId) {
            super("ticket " + ticketId + " changed concurrently", null, false, false);
        }
    }
}
