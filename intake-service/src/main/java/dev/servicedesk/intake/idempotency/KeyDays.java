package dev.servicedesk.intake.idempotency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The collection that holds the keys claimed on one UTC day, e.g. {@code idempotency-keys-20261201}. */
final class KeyDays {

    /** The collection of keys claimed before keys were kept per day. */
    static final String UNDATED = "idempotency-keys";
    private static final String PREFIX = UNDATED + "-";

    private KeyDays() {
    }

    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static String collection(LocalDate day) {
        return PREFIX + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The day whose keys a collection holds, or empty for any other collection. */
    static Optional<LocalDate> dayOfCollection(String collection) {
        if (!collection.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(collection.substring(PREFIX.length()), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }
}
