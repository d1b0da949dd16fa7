package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketRouted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Routes tickets: decides, stores the decision together with its events, then publishes exactly
 * the stored events and marks them published. A redelivered cause finds its decision stored and
 * at most re-sends the same events (same ids), so consumers see no duplicate effect; a stored but
 * unpublished decision is also re-sent by {@link OutboxRelay}.
 */
@Component
public class TicketRouter {

    private static final Logger log = LoggerFactory.getLogger(TicketRouter.class);
    private static final int MAX_ATTEMPTS = 3;

    private final DecisionMaker decisions;
    private final RoutingRecords records;
    private final OutboxPublisher publisher;
    private final Clock clock;

    TicketRouter(DecisionMaker decisions, RoutingRecords records, OutboxPublisher publisher, Clock clock) {
        this.decisions = decisions;
        this.records = records;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The ticket's routing state, or empty when routing has not seen it. */
    public Mono<RoutingRecord> current(String ticketId) {
        return records.find(ticketId);
    }

    /** The first decision for a ticket. */
    public Mono<Void> received(EventEnvelope envelope, TicketReceived received) {
        String cause = envelope.eventId().toString();
        return records.find(envelope.ticketId())
                .flatMap(existing -> resume(existing, cause))
                .switchIfEmpty(Mono.defer(() -> decisions.decide(envelope, received, 1, received.receivedAt(), null, null, null)
                        .flatMap(decision -> records.insert(first(envelope, decision), clock.instant()))
                        .flatMap(this::publish)
                        // a concurrent consumer of the same record stored it first: publish what it stored
                        .onErrorResume(DuplicateKeyException.class, duplicate -> records.find(envelope.ticketId())
                                .flatMap(existing -> resume(existing, cause)))))
                .then();
    }

    /**
     * First decisions for a poll's worth of received tickets, on the calling (listener) thread,
     * which blocks for each round trip: one read of the tickets' records, the decisions (see
     * {@link DecisionMaker#decideAll}), one bulk of pending entries and one bulk insert of the
     * records, every event sent before any acknowledgement is awaited, one bulk delete of the
     * pending entries. Tickets already known
     * (redeliveries) and repeats within the batch take the one-by-one path.
     */
    public void receivedAll(List<EventEnvelope> envelopes, Duration timeout) {
        Map<String, EventEnvelope> firsts = new LinkedHashMap<>();
        List<EventEnvelope> repeats = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            if (firsts.putIfAbsent(envelope.ticketId(), envelope) != null) {
                repeats.add(envelope);
            }
        }
        Map<String, RoutingRecord> known = records.findAll(firsts.keySet()).collectMap(RoutingRecord::ticketId).block(timeout);
        List<EventEnvelope> fresh = new ArrayList<>();
        List<EventEnvelope> again = new ArrayList<>();
        firsts.values().forEach(envelope -> (known.containsKey(envelope.ticketId()) ? again : fresh).add(envelope));
        if (!fresh.isEmpty()) {
            List<Decision> decided = decisions.decideAll(fresh, timeout);
            List<RoutingRecord> batch = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                batch.add(first(fresh.get(i), decided.get(i)));
            }
            boolean stored = Boolean.TRUE.equals(records.insertAll(batch, clock.instant()).thenReturn(true)
                    // someone stored one of them meanwhile: settle each on its own, idempotently
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Flux.fromIterable(fresh)
                            .concatMap(envelope -> received(envelope, (TicketReceived) envelope.payload()))
                            .then(Mono.just(false)))
                    .block(timeout));
            if (stored) {
                publishAll(batch, timeout);
            }
        }
        Flux.fromIterable(again)
                .concatMap(envelope -> resume(known.get(envelope.ticketId()), envelope.eventId().toString()))
                .thenMany(Flux.fromIterable(repeats).concatMap(envelope -> received(envelope, (TicketReceived) envelope.payload())))
                .then()
                .block(timeout);
    }

    private static RoutingRecord first(EventEnvelope envelope, Decision decision) {
        String cause = envelope.eventId().toString();
        return new RoutingRecord(envelope.ticketId(), (TicketReceived) envelope.payload(), envelope.correlationId(), 1,
                List.of(cause), null, decision.routed(), null, cause, decision.outbox(), false);
    }

    /** Sends every event of the batch, then awaits all acknowledgements, then marks the records published. */
    private void publishAll(List<RoutingRecord> batch, Duration timeout) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (RoutingRecord record : batch) {
            for (OutboxMessage message : record.outbox()) {
                sends.add(publisher.send(record.ticketId(), message));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("publishing routing decisions failed; they stay stored for redelivery and the relay",
                    failed.getCause());
        } catch (TimeoutException | InterruptedException unacknowledged) {
            if (unacknowledged instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("routing decisions not acknowledged within " + timeout, unacknowledged);
        }
        records.markAllPublished(batch).block(timeout);
    }

    /** A reopened ticket is routed again with fresh SLA clocks from the moment it was reopened. */
    public Mono<Void> reopened(EventEnvelope envelope, TicketReopened reopened) {
        String note = "reopened by " + reopened.reopenedBy() + (reopened.reason() == null ? "" : ": " + reopened.reason());
        return reroute(envelope.ticketId(), envelope.eventId().toString(), MAX_ATTEMPTS, existing ->
                new Reroute(envelope, envelope.occurredAt(), existing.staff(), note, null))
                .then();
    }

    /**
     * Staff corrected the classification: routed again under the same SLA clock start, and a
     * {@link TicketReclassified} event records the correction.
     *
     * @return the new decision, or empty when the ticket is unknown to routing
     */
    public Mono<RoutingRecord> reclassify(String ticketId, StaffClassification staff, String note) {
        return records.find(ticketId).flatMap(current -> {
            int revision = current.revision() + 1;
            TicketRouted before = current.routed();
            TicketReclassified reclassified = new TicketReclassified(before.type(), before.subType(), staff.type(),
                    staff.subType(), staff.priority(), staff.special(), staff.staffId(), note, revision);
            UUID id = UUID.nameUUIDFromBytes((ticketId + "/reclassified/" + revision).getBytes(StandardCharsets.UTF_8));
            EventEnvelope cause = EventEnvelope.first(id, ticketId, DecisionMaker.PRODUCER,
                    current.correlationId(), clock.instant(), reclassified);
            String reason = "reclassified by staff " + staff.staffId() + (note == null || note.isBlank() ? "" : ": " + note);
            // one attempt: the correction was made against what staff saw; a conflict is answered 409
            return reroute(ticketId, id.toString(), 1, existing -> new Reroute(cause,
                    existing.received().receivedAt(), staff, reason, reclassified));
        });
    }

    /** @param correction the staff correction that causes the rerouting, published before the decision; or {@code null} */
    private record Reroute(EventEnvelope cause, Instant clockStart, StaffClassification staff, String note,
                           TicketReclassified correction) {
    }

    private Mono<RoutingRecord> reroute(String ticketId, String cause, int attemptsLeft,
                                        Function<RoutingRecord, Reroute> plan) {
        return records.find(ticketId)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("ticket " + ticketId + " was never routed")))
                .flatMap(existing -> {
                    if (existing.handled(cause)) {
                        return resume(existing, cause);
                    }
                    Reroute reroute = plan.apply(existing);
                    return decisions.decide(reroute.cause(), existing.received(),
                                    existing.revision() + 1, reroute.clockStart(), reroute.staff(), existing.routed(),
                                    reroute.note())
                            .flatMap(decision -> {
                                List<String> causes = new ArrayList<>(existing.causes());
                                causes.add(cause);
                                List<OutboxMessage> outbox = new ArrayList<>();
                                if (reroute.correction() != null) {
                                    outbox.add(OutboxMessage.of(Topics.TICKET_ROUTING, reroute.cause()));
                                }
                                outbox.addAll(decision.outbox());
                                RoutingRecord next = new RoutingRecord(ticketId, existing.received(), existing.correlationId(),
                                        existing.revision() + 1, List.copyOf(causes), reroute.staff(), decision.routed(),
                                        reroute.correction(), cause, List.copyOf(outbox), false);
                                return records.replace(next, existing.revision(), clock.instant())
                                        .flatMap(replaced -> replaced ? publish(next)
                                                : attemptsLeft > 1 ? reroute(ticketId, cause, attemptsLeft - 1, plan)
                                                : Mono.error(new ConcurrentRoutingException(ticketId)));
                            });
                });
    }

    /** The cause was decided on before: re-send its events unless they were all acknowledged. */
    private Mono<RoutingRecord> resume(RoutingRecord existing, String cause) {
        if (!existing.handled(cause)) {
            log.warn("ticket {} already routed from another TicketReceived; ignoring {}", existing.ticketId(), cause);
            return Mono.just(existing);
        }
        if (existing.published() || !cause.equals(existing.outboxCause())) {
            return Mono.just(existing); // acknowledged, or superseded by a later decision
        }
        return publish(existing);
    }

    Mono<RoutingRecord> publish(RoutingRecord record) {
        return publisher.publish(record.ticketId(), record.outbox())
                .then(records.markPublished(record.ticketId(), record.outboxCause()))
                .thenReturn(record);
    }
}
