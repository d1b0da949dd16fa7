package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.intake.idempotency.IdempotencyKeys;
import dev.servicedesk.intake.idempotency.IdempotencyRecord;
import dev.servicedesk.intake.publishing.TicketEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Registers a request: validates it, gives it a ticket id and publishes {@code TicketReceived},
 * completing only once the broker acknowledged. Nothing else is written on the way, so a failed
 * publish leaves nothing behind; intake's own record of the ticket is projected from the topic.
 */
@Component
class Registration {

    static final String PRODUCER = "intake-service";

    private final RegistrationValidator validator;
    private final TicketIds ids;
    private final TicketEventPublisher publisher;
    private final IdempotencyKeys keys;
    private final Clock clock;

    Registration(TicketEventPublisher publisher, IdempotencyKeys keys, Clock clock) {
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
        return publisher.publish(envelope).thenReturn(new Registered(ticketId, received, replayed));
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
