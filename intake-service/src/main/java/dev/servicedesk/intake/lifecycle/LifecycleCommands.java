package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.EventTypes;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.intake.IntakeProperties;
import dev.servicedesk.intake.idempotency.IdempotencyKeys;
import dev.servicedesk.intake.idempotency.IdempotencyRecord;
import dev.servicedesk.intake.publishing.TemporarilyUnavailableException;
import dev.servicedesk.intake.publishing.TicketEventPublisher;
import dev.servicedesk.intake.record.TicketRecord;
import dev.servicedesk.intake.record.TicketRecords;
import dev.servicedesk.intake.record.TicketState;
import dev.servicedesk.intake.record.Transitions;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries out a lifecycle command: checks it against the ticket's state, publishes the event on
 * the ticket of record (acknowledged), then applies it to intake's document at once so the next
 * command sees the new state. The listener applying the same event later changes nothing. The
 * ticket's {@link CommandLeases lease} is held from the state check to that write, so two commands
 * on one ticket never both pass the check on the same state.
 */
@Component
class LifecycleCommands {

    static final String PRODUCER = "intake-service";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(LifecycleCommands.class);

    private final TicketRecords records;
    private final CommandLeases leases;
    private final TicketEventPublisher publisher;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retryAfter;

    LifecycleCommands(TicketRecords records, CommandLeases leases, TicketEventPublisher publisher, IdempotencyKeys keys,
                      Clock clock, IntakeProperties properties) {
        this.retryAfter = properties.retryAfter();
        this.records = records;
        this.leases = leases;
        this.publisher = publisher;
        this.keys = keys;
        this.clock = clock;
    }

    /** A command over HTTP; with an Idempotency-Key a repeat is answered without changing anything. */
    Mono<Outcome> execute(String ticketId, String idempotencyKey, TicketLifecycleEvent command) {
        return execute(ticketId, idempotencyKey, command, null);
    }

    /**
     * As above, by a caller acting only for {@code actingDepartment} (when not {@code null}): refused with
     * 403 unless the ticket is routed to that department.
     */
    Mono<Outcome> execute(String ticketId, String idempotencyKey, TicketLifecycleEvent command, String actingDepartment) {
        return Mono.defer(() -> {
            List<FieldError> errors = CommandValidator.errors(command);
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidRequestException(errors));
            }
            String type = EventTypes.nameOf(command.getClass());
            return leases.exclusively(ticketId, lease -> ticket(ticketId).flatMap(ticket -> {
                if (actingDepartment != null && (ticket.department() == null
                        || !ticket.department().wireName().equals(actingDepartment))) {
                    return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                            "ticket " + ticketId + " is not routed to department " + actingDepartment));
                }
                Instant now = clock.instant();
                Mono<UUID> eventId = idempotencyKey == null ? Mono.just(UUID.randomUUID())
                        : keys.claim(new IdempotencyRecord(ticketId + ":" + idempotencyKey,
                                        IdempotencyKeys.fingerprint(type, command), ticketId, UUID.randomUUID(), now))
                                .map(claim -> claim.record().eventId());
                return eventId.flatMap(id -> submit(lease, ticket, new EventEnvelope(id, type, EventTypes.CURRENT_SCHEMA_VERSION,
                        ticketId, now, PRODUCER, ticket.correlationId(), null, command)));
            }));
        });
    }

    /**
     * A command a department system sent on {@code department-results}; it is republished on the
     * ticket of record with an id derived from the department's event, so a redelivery is a no-op.
     */
    Mono<Outcome> fromDepartment(EventEnvelope result) {
        return Mono.defer(() -> {
            if (!(result.payload() instanceof TicketLifecycleEvent command)) {
                return Mono.error(new IllegalArgumentException(result.type() + " is not a lifecycle command"));
            }
            List<FieldError> errors = CommandValidator.errors(command);
            if (!errors.isEmpty()) {
                return Mono.error(new IllegalArgumentException(result.type() + " is invalid: " + errors));
            }
            return leases.exclusively(result.ticketId(), lease -> records.find(result.ticketId())
                            .switchIfEmpty(Mono.error(() -> new UnknownTicketException(result.ticketId())))
                            .flatMap(ticket -> submit(lease, ticket, result.causes(PRODUCER, clock.instant(), command))))
                    .onErrorMap(IllegalTransitionException.class, e -> new IllegalArgumentException(e.getMessage(), e));
        });
    }

    private Mono<TicketRecord> ticket(String ticketId) {
        return records.find(ticketId)
                .timeout(STORE_TIMEOUT)
                .onErrorMap(failure -> new TemporarilyUnavailableException(retryAfter, failure))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ticket " + ticketId)));
    }

    private Mono<Outcome> submit(CommandLeases.Held lease, TicketRecord ticket, EventEnvelope event) {
        if (ticket.hasApplied(event.eventId())) {
            return Mono.just(new Outcome(ticket.ticketId(), event.eventId(), event.type(), ticket.state(), true));
        }
        if (!(event.payload() instanceof TicketLifecycleEvent command)) {
            return Mono.error(new IllegalArgumentException(event.type() + " is not a lifecycle command"));
        }
        Optional<TicketState> next = Transitions.next(ticket.state(), command);
        if (next.isEmpty()) {
            return Mono.error(new IllegalTransitionException(ticket.ticketId(), ticket.state(), event.type()));
        }
        return publisher.publish(event)
                .then(records.apply(ticket, event)
                        .doOnError(e -> {
                            log.warn("Ticket {}: {} will be applied by the listener: {}", ticket.ticketId(), event.type(), e.toString());
                            lease.keepUntilExpiry(); // the next command must not read the state before the event
                        })
                        .onErrorResume(e -> Mono.empty()))
                .then(Mono.fromSupplier(() -> new Outcome(ticket.ticketId(), event.eventId(), event.type(), next.get(), false)));
    }

    /** @param replayed the command had already been applied: nothing changed */
    record Outcome(String ticketId, UUID eventId, String event, TicketState state, boolean replayed) {
    }

    /** A department reported on a ticket intake has not projected (yet): retried, then dead-lettered. */
    static final class UnknownTicketException extends RuntimeException {
        UnknownTicketException(String ticketId) {
            super("No ticket " + ticketId + " in intake's record");
        }
    }
}
