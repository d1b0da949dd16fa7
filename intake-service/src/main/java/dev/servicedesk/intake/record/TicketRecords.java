package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.intake.batching.BatchedInserts;
import dev.servicedesk.intake.batching.LookupsById;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores ticket documents. Every change goes through {@link #apply}: read (or take the caller's
 * read), project, then write only if nobody wrote in between (the version matches), else read
 * again. Intake's listener and its HTTP commands can therefore both apply events to the same
 * ticket safely.
 */
@Component
public class TicketRecords {

    private static final Logger log = LoggerFactory.getLogger(TicketRecords.class);

    private final ReactiveMongoTemplate mongo;
    private final LookupsById lookups;
    private final BatchedInserts inserts;
    private final String collection;

    TicketRecords(ReactiveMongoTemplate mongo, LookupsById lookups, BatchedInserts inserts) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.inserts = inserts;
        this.collection = mongo.getCollectionName(TicketRecord.class);
    }

    /** The ticket, if it has been registered. Lookups of concurrent commands are sent together. */
    public Mono<TicketRecord> find(String ticketId) {
        return lookups.find(collection, ticketId)
                .map(stored -> mongo.getConverter().read(TicketRecord.class, stored))
                .filter(TicketRecord::registered);
    }

    /**
     * Applies a poll's events with one read of the tickets they name, an in-memory projection in
     * order within each ticket, one bulk insert of the new tickets and one bulk replace of the changed
     * ones, each guarded by the version read. If an HTTP command wrote one of the tickets in between,
     * the whole poll is applied again from a fresh read; events applied before are recognised.
     */
    public Mono<Void> applyAll(List<EventEnvelope> envelopes) {
        Map<String, List<EventEnvelope>> byTicket = new LinkedHashMap<>();
        envelopes.forEach(envelope -> byTicket.computeIfAbsent(envelope.ticketId(), id -> new ArrayList<>()).add(envelope));
        return Mono.defer(() -> mongo.find(Query.query(Criteria.where("_id").in(byTicket.keySet())), TicketRecord.class)
                        .collectMap(TicketRecord::ticketId)
                        .flatMap(stored -> write(project(byTicket, stored))))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(failure -> failure instanceof ConcurrentWrite || failure instanceof DuplicateKeyException));
    }

    private List<Loaded> project(Map<String, List<EventEnvelope>> byTicket, Map<String, TicketRecord> stored) {
        List<Loaded> changed = new ArrayList<>();
        byTicket.forEach((ticketId, events) -> {
            TicketRecord existing = stored.get(ticketId);
            Loaded loaded = existing == null ? new Loaded(new TicketRecord(ticketId), 0, true)
                    : new Loaded(existing, existing.version(), false);
            boolean applied = false;
            for (EventEnvelope envelope : events) {
                TicketProjector.Outcome outcome = TicketProjector.apply(loaded.ticket(), envelope);
                applied |= outcome == TicketProjector.Outcome.APPLIED;
                if (outcome == TicketProjector.Outcome.REJECTED) {
                    log.warn("Ticket {}: {} {} does not fit the ticket's state; left out of intake's record",
                            envelope.ticketId(), envelope.type(), envelope.eventId());
                }
            }
            if (applied) {
                changed.add(loaded);
            }
        });
        return changed;
    }

    private Mono<Void> write(List<Loaded> changed) {
        List<TicketRecord> inserts = changed.stream().filter(Loaded::fresh).map(Loaded::ticket).toList();
        List<Loaded> replaces = changed.stream().filter(loaded -> !loaded.fresh()).toList();
        Mono<Void> inserted = inserts.isEmpty() ? Mono.empty() : mongo.insertAll(inserts).then();
        Mono<Void> replaced = Mono.empty();
        if (!replaces.isEmpty()) {
            ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TicketRecord.class);
            replaces.forEach(loaded -> bulk.replaceOne(unchanged(loaded), loaded.ticket()));
            replaced = bulk.execute()
                    .flatMap(result -> result.getMatchedCount() == replaces.size() ? Mono.<Void>empty()
                            : Mono.error(new ConcurrentWrite()));
        }
        return inserted.then(replaced);
    }

    /**
     * Writes a ticket's first record as soon as its registration is on the broker, so a command sent
     * right after the 202 finds the ticket; the listener applying the same event later changes nothing.
     * The records of concurrent registrations are inserted together.
     */
    public Mono<Void> registered(EventEnvelope registration) {
        TicketRecord fresh = new TicketRecord(registration.ticketId());
        if (TicketProjector.apply(fresh, registration) != TicketProjector.Outcome.APPLIED) {
            return Mono.empty();
        }
        // a ticket already there (a retry's, or the listener was first) is left as it is
        return inserts.insert(collection, fresh).then();
    }

    public Mono<TicketProjector.Outcome> apply(EventEnvelope envelope) {
        if (envelope.payload() instanceof TicketReceived) {
            // Nearly always a new ticket: try the insert alone first, saving a read per registration.
            TicketRecord fresh = new TicketRecord(envelope.ticketId());
            if (TicketProjector.apply(fresh, envelope) == TicketProjector.Outcome.APPLIED) {
                return mongo.insert(fresh).thenReturn(TicketProjector.Outcome.APPLIED)
                        .onErrorResume(DuplicateKeyException.class, exists -> readProjectWrite(envelope));
            }
        }
        return readProjectWrite(envelope);
    }

    /**
     * Applies an event to the ticket as the caller has just read it ({@code asRead} is changed), saving
     * a second read. If the stored ticket changed since (the listener applied a routing decision, say),
     * the event is applied again to a fresh read, so nothing written meanwhile is lost.
     */
    public Mono<TicketProjector.Outcome> apply(TicketRecord asRead, EventEnvelope envelope) {
        return Mono.defer(() -> {
            long versionRead = asRead.version();
            TicketProjector.Outcome outcome = TicketProjector.apply(asRead, envelope);
            if (outcome != TicketProjector.Outcome.APPLIED) {
                return Mono.just(outcome);
            }
            return write(new Loaded(asRead, versionRead, false)).thenReturn(outcome)
                    .onErrorResume(ConcurrentWrite.class, changed -> readProjectWrite(envelope));
        });
    }

    private Mono<TicketProjector.Outcome> readProjectWrite(EventEnvelope envelope) {
        return Mono.defer(() -> mongo.findById(envelope.ticketId(), TicketRecord.class)
                        .map(existing -> new Loaded(existing, existing.version(), false))
                        .defaultIfEmpty(new Loaded(new TicketRecord(envelope.ticketId()), 0, true))
                        .flatMap(loaded -> {
                            TicketProjector.Outcome outcome = TicketProjector.apply(loaded.ticket(), envelope);
                            if (outcome != TicketProjector.Outcome.APPLIED) {
                                return Mono.just(outcome);
                            }
                            return write(loaded).thenReturn(outcome);
                        }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(failure -> failure instanceof ConcurrentWrite || failure instanceof DuplicateKeyException));
    }

    private Mono<Void> write(Loaded loaded) {
        if (loaded.fresh()) {
            return mongo.insert(loaded.ticket()).then();
        }
        return mongo.replace(unchanged(loaded), loaded.ticket())
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty() : Mono.error(new ConcurrentWrite()));
    }

    /** The ticket as read: a lookup in the unique {@code {_id, version}} index ({@link TicketRecordIndexes}). */
    private static Query unchanged(Loaded loaded) {
        return Query.query(Criteria.where("_id").is(loaded.ticket().ticketId()).and("version").is(loaded.versionRead()));
    }

    private record Loaded(TicketRecord ticket, long versionRead, boolean fresh) {
    }

    private static final class ConcurrentWrite extends RuntimeException {
        ConcurrentWrite() {
            super("ticket changed while an event was applied", null, false, false);
        }
    }
}
