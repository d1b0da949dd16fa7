package dev.servicedesk.security;

import java.time.Duration;
import java.util.Objects;

/**
 * What a token minted by the {@link LocalIssuer} says.
 *
 * @param subject    who the holder is (a person's or a system's name); the actor recorded for its steps
 * @param role       the one role the token grants
 * @param department the department wire name; required for {@link Role#DEPARTMENT}, else ignored
 * @param channel    the channel wire name; required for {@link Role#CHANNEL}, else ignored
 * @param validFor   how long the token is accepted
 */
public record TokenRequest(String subject, Role role, String department, String channel, Duration validFor) {

    public static final Duration MAX_VALIDITY = Duration.ofDays(30);

    public TokenRequest {
        Objects.requireNonNull(role, "role");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        if (role == Role.DEPARTMENT && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("a department token names its department");
        }
        if (role == Role.CHANNEL && (channel == null || channel.isBlank())) {
            throw new IllegalArgumentException("a channel token names its channel");
        }
        if (validFor == null || validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("validity must be positive and at most " + MAX_VALIDITY.toDays() + " days");
        }
        department = role == Role.DEPARTMENT ? department.strip() : null;
        channel = role == Role.CHANNEL ? channel.strip() : null;
    }

    public static TokenRequest of(String subject, Role role, Duration validFor) {
        return new TokenRequest(subject, role, null, null, validFor);
    }
}
