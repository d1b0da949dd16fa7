package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores ticket documents. Every change goes through {@link #apply}: read, project, then write only
 * if nobody wrote in between (the version matches), else read again. Intake's listener and its
 * HTTP commands can therefore both apply events to the same ticket safely.
 */
@Component
public class TicketRecords {

    private static final Logger log = LoggerFactory.getLogger(TicketRecords.class);
    private static final int CONCURRENCY = 32;

    private final ReactiveMongoTemplate mongo;

    TicketRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The ticket, if it has been registered. */
    public Mono<TicketRecord> find(String ticketId) {
        return mongo.findById(ticketId, TicketRecord.class).filter(TicketRecord::registered);
    }

    /**
     * Applies a poll's events: registrations of tickets new to this batch are inserted with one
     * bulk write, everything else event by event, in order within each ticket. If the bulk write
     * meets a ticket that exists already (a replay), each registration takes the one-by-one path,
     * which recognises what was applied before.
     */
    public Mono<Void> applyAll(List<EventEnvelope> envelopes) {
        Map<String, TicketRecord> registered = new LinkedHashMap<>();
        Map<String, EventEnvelope> registrations = new LinkedHashMap<>();
        Map<String, List<EventEnvelope>> rest = new LinkedHashMap<>();
        for (EventEnvelope envelope : envelopes) {
            String ticketId = envelope.ticketId();
            if (!registered.containsKey(ticketId) && !rest.containsKey(ticketId) && envelope.payload() instanceof TicketReceived) {
                TicketRecord fresh = new TicketRecord(ticketId);
                if (TicketProjector.apply(fresh, envelope) == TicketProjector.Outcome.APPLIED) {
                    registered.put(ticketId, fresh);
                    registrations.put(ticketId, envelope);
                    continue;
                }
            }
            rest.computeIfAbsent(ticketId, id -> new ArrayList<>()).add(envelope);
        }
        Mono<Void> inserted = registered.isEmpty() ? Mono.empty() : mongo.insertAll(registered.values()).then()
                .onErrorResume(DuplicateKeyException.class, replay -> Flux.fromIterable(registrations.values())
                        .flatMap(this::applyLogged, CONCURRENCY).then());
        return inserted.then(Flux.fromIterable(rest.values())
                .flatMap(events -> Flux.fromIterable(events).concatMap(this::applyLogged), CONCURRENCY)
                .then());
    }

    private Mono<TicketProjector.Outcome> applyLogged(EventEnvelope envelope) {
        return apply(envelope).doOnNext(outcome -> {
            if (outcome == TicketProjector.Outcome.REJECTED) {
                log.warn("Ticket {}: {} {} does not fit the ticket's state; left out of intake's record",
                        envelope.ticketId(), envelope.type(), envelope.eventId());
            }
        });
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

    private Mono<TicketRecord> write(Loaded loaded) {
        if (loaded.fresh()) {
            return mongo.insert(loaded.ticket());
        }
        Query unchanged = Query.query(Criteria.where("_id").is(loaded.ticket().ticketId())
                .and("version").is(loaded.versionRead()));
        return mongo.findAndReplace(unchanged, loaded.ticket())
                .switchIfEmpty(Mono.error(ConcurrentWrite::new));
    }

    private record Loaded(TicketRecord ticket, long versionRead, boolean fresh) {
    }

    private static final class ConcurrentWrite extends RuntimeException {
        ConcurrentWrite() {
            super("ticket changed while an event was applied", null, false, false);
        }
    }
}
