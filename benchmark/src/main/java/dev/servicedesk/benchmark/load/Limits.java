package dev.servicedesk.benchmark.load;

import java.time.Duration;

/**
 * When a phase stops: after {@code creates} registrations were sent, or after {@code duration},
 * whichever comes first.
 */
public record Limits(long creates, Duration duration) {
}
