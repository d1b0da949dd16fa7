package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.intake.IntakeProperties;
import dev.servicedesk.intake.batching.BatchedInserts;
import dev.servicedesk.intake.publishing.TemporarilyUnavailableException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One command at a time per ticket, across threads and intake instances: a command holds a lease,
 * a document whose {@code _id} is the ticket id, from reading the ticket's state until its event is
 * published and applied to the record. A second command waits for the lease and then sees the state
 * the first left. Leases live only while a command runs, so the collection stays as small as the
 * number of commands in flight; one left by a crashed instance is taken over once it is
 * {@link #LEASE} old.
 */
@Component
class CommandLeases {

    static final String COLLECTION = "command-leases";
    static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ReactiveMongoTemplate mongo;
    private final BatchedInserts inserts;
    private final Clock clock;
    private final Duration retryAfter;

    CommandLeases(ReactiveMongoTemplate mongo, BatchedInserts inserts, Clock clock, IntakeProperties properties) {
        this.mongo = mongo;
        this.inserts = inserts;
        this.clock = clock;
        this.retryAfter = properties.retryAfter();
    }

    /**
     * Runs {@code command} holding the ticket's lease. The lease is released when the command ends,
     * unless it reports that its event may not be on the record yet: then the lease runs out by
     * itself, giving the listener time to apply it before another command reads the state.
     */
    <T> Mono<T> exclusively(String ticketId, Function<Held, Mono<T>> command) {
        return Mono.usingWhen(acquire(ticketId), command, this::releaseUnlessKept,
                (held, failure) -> releaseUnlessKept(held), this::releaseUnlessKept);
    }

    private Mono<Held> acquire(String ticketId) {
        return Mono.defer(() -> {
                    Lease lease = new Lease(ticketId, UUID.randomUUID().toString(), clock.instant());
                    return inserts.insert(COLLECTION, lease)
                            .flatMap(stored -> stored ? Mono.just(lease) : takeOverExpired(lease))
                            .map(taken -> new Held(taken.ticketId(), taken.holder()));
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(100))
                        .filter(Busy.class::isInstance))
                .timeout(WAIT, Mono.error(() -> new CommandInProgressException(ticketId)))
                .onErrorMap(failure -> !(failure instanceof CommandInProgressException),
                        failure -> new TemporarilyUnavailableException(retryAfter, failure));
    }

    // The filter is not the _id index's keys, so mongo-java-server scans: the collection holds only leases in use.
    private Mono<Lease> takeOverExpired(Lease lease) {
        Query expired = Query.query(Criteria.where("_id").is(lease.ticketId()).and("takenAt").lt(lease.takenAt().minus(LEASE)));
        Update take = Update.update("holder", lease.holder()).set("takenAt", lease.takenAt());
        return mongo.findAndModify(expired, take, FindAndModifyOptions.options().returnNew(true), Lease.class, COLLECTION)
                .switchIfEmpty(Mono.error(Busy::new));
    }

    private Mono<Void> releaseUnlessKept(Held held) {
        if (held.kept) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").is(held.ticketId()).and("holder").is(held.holder())), COLLECTION)
                .then();
    }

    /** The lease a running command holds. */
    static final class Held {
        private final String ticketId;
        private final String holder;
        private volatile boolean kept;

        private Held(String ticketId, String holder) {
            this.ticketId = ticketId;
            this.holder = holder;
        }

        String ticketId() {
            return ticketId;
        }

        String holder() {
            return holder;
        }

        /** Leave the lease to expire instead of releasing it. */
        void keepUntilExpiry() {
            kept = true;
        }
    }

    record Lease(@Id String ticketId, String holder, Instant takenAt) {
    }

    private static final class Busy extends RuntimeException {
        Busy() {
            super("lease held", null, false, false);
        }
    }
}
