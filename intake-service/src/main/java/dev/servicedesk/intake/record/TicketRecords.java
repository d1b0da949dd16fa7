package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Stores ticket documents. Every change goes through {@link #apply}: read, project, then write only
 * if nobody wrote in between (the version matches), else read again. Intake's listener and its
 * HTTP commands can therefore both apply events to the same ticket safely.
 */
@Component
public class TicketRecords {

    private final ReactiveMongoTemplate mongo;

    TicketRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The ticket, if it has been registered. */
    public Mono<TicketRecord> find(String ticketId) {
        return mongo.findById(ticketId, TicketRecord.class).filter(TicketRecord::registered);
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
