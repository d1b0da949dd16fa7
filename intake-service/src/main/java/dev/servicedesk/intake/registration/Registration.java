package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.intake.IntakeProperties;
import dev.servicedesk.intake.admission.FlowBacklog;
import dev.servicedesk.intake.idempotency.IdempotencyKeys;
import dev.servicedesk.intake.idempotency.IdempotencyRecord;
import dev.servicedesk.intake.publishing.TemporarilyUnavailableException;
import dev.servicedesk.intake.publishing.TicketEventPublisher;
import dev.servicedesk.intake.record.TicketRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Registers a request: validates it, gives it a ticket id and publishes {@code TicketReceived},
 * completing only once the broker acknowledged. Nothing is written before that, so a failed publish
 * leaves nothing behind; right after it, intake's own record of the ticket is written (as the
 * projection of the same event would write it), so commands on the ticket work from the first answer.
 */
@Component
class Registration {

    static final String PRODUCER = "intake-service";
    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final RegistrationValidator validator;
    private final TicketIds ids;
    private final TicketEventPublisher publisher;
    private final TicketRecords records;
    private final IdempotencyKeys keys;
    private final FlowBacklog backlog;
    private final Duration shedRetryAfter;
    private final Clock clock;

    Registration(TicketEventPublisher publisher, TicketRecords records, IdempotencyKeys keys, FlowBacklog backlog,
                 IntakeProperties properties, Clock clock) {
        this.records = records;
        this.backlog = backlog;
        this.shedRetryAfter = properties.shedRetryAfter();
        this.validator = new RegistrationValidator(clock);
        this.ids = new TicketIds(clock);
        this.publisher = publisher;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey {@code null} when the client sent none: every such request is a new ticket
     */
    Mono<Registered> register(RegistrationRequest request, String idempotencyKey) {
        return Mono.defer(() -> {
            // Millisecond precision: what MongoDB stores, so a retry republishes an identical event.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            TicketReceived received = validator.validate(request, now);
            // an urgent request (outage, security, locked out) is taken whatever the backlog: a late
            // answer still beats a customer told to try again
            if (!received.urgentSignal() && !backlog.admits()) {
                return Mono.error(TemporarilyUnavailableException.flowBehind(shedRetryAfter));
            }
            if (idempotencyKey == null) {
                return publish(ids.next(), UUID.randomUUID(), received, false);
            }
            IdempotencyRecord fresh = new IdempotencyRecord("register:" + idempotencyKey,
                    IdempotencyKeys.fingerprint("register", request), ids.next(), UUID.randomUUID(), now);
            return keys.claim(fresh).flatMap(claim -> {
                IdempotencyRecord record = claim.record();
                // A retry republishes the first attempt's event exactly: same ids, same time.
                TicketReceived event = claim.first() ? received : withReceivedAt(received, record.at());
                return publish(record.ticketId(), record.eventId(), event, !claim.first());
            });
        });
    }

    private Mono<Registered> publish(String ticketId, UUID eventId, TicketReceived received, boolean replayed) {
        EventEnvelope envelope = EventEnvelope.first(eventId, ticketId, PRODUCER, ticketId, received.receivedAt(), received);
        return publisher.publish(envelope)
                .then(records.registered(envelope)
                        .onErrorResume(e -> {
                            // the event is on the broker: the listener will store the ticket
                            log.warn("Ticket {}: record not stored at once, the listener will: {}", ticketId, e.toString());
                            return Mono.empty();
                        }))
                .thenReturn(new Registered(ticketId, received, replayed));
    }

    private static TicketReceived withReceivedAt(TicketReceived r, Instant receivedAt) {
        return new TicketReceived(r.channel(), r.customer(), r.orderNumber(), r.product(), r.description(),
                r.customerRequest(), r.occurredAt(), r.preferredContact(), r.language(), r.attachments(),
                r.urgentSignal(), receivedAt);
    }

    /** @param replayed a retry with a known Idempotency-Key: the ticket already existed */
    record Registered(String ticketId, TicketReceived event, boolean replayed) {
    }
}
