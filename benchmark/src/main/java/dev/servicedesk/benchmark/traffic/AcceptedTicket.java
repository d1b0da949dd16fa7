package dev.servicedesk.benchmark.traffic;

/**
 * A ticket intake answered 202 for.
 *
 * @param acceptedAtNanos {@link System#nanoTime()} when the 202 arrived
 */
public record AcceptedTicket(String ticketId, String customerId, long acceptedAtNanos) {
}
