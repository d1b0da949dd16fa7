package dev.servicedesk.intake.idempotency;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.UUID;

/**
 * What the first request with a key claimed: the ticket and event ids and time it used, and a
 * fingerprint of its body. A retry with the same body republishes exactly that event (consumers
 * drop the repeat by its id); a retry with another body is refused.
 *
 * @param id          scope and key, e.g. {@code register:abc} or {@code T-...:abc}
 * @param fingerprint the 32 bytes of the SHA-256 of the request's canonical JSON, stored as BSON binary
 *                    (records claimed before hold it as 64 hex digits; {@link IdempotencyKeys} reads both)
 * @param at          when the key was claimed; its UTC day names the collection it is kept in
 */
public record IdempotencyRecord(@Id String id, byte[] fingerprint, String ticketId, UUID eventId, Instant at) {
}
