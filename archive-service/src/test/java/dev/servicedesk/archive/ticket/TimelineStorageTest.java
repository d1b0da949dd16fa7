package dev.servicedesk.archive.ticket;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineStorageTest {

    private static final Instant AT = Instant.parse("2026-11-30T08:15:30.123Z");

    @Test
    void idsInUuidSpellingAreStoredAsUuidsAndReadBackAsTheSameStrings() {
        UUID eventId = UUID.randomUUID();
        UUID causationId = UUID.randomUUID();
        TimelineEntry entry = new TimelineEntry(eventId.toString(), "TicketRouted", AT, "routing-service", "corr-1",
                causationId.toString(), null, "Routed");

        Document stored = new TimelineStorage.Write().convert(entry);

        assertThat(stored.get("eventId")).isEqualTo(eventId);
        assertThat(stored.get("causationId")).isEqualTo(causationId);
        assertThat(stored).doesNotContainKey("actor");
        assertThat(new TimelineStorage.Read().convert(stored)).isEqualTo(entry);
    }

    @Test
    void causationIdsThatAreNotUuidsInTheirOwnSpellingAreStoredAsTheyCame() {
        String upperCase = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        for (String causationId : new String[] {"dept-7/result-42", upperCase}) {
            TimelineEntry entry = new TimelineEntry(UUID.randomUUID().toString(), "ProgressReported", AT, "intake-service",
                    "corr-2", causationId, "agent-3", "Progress");

            Document stored = new TimelineStorage.Write().convert(entry);

            assertThat(stored.get("causationId")).isEqualTo(causationId);
            assertThat(new TimelineStorage.Read().convert(stored)).isEqualTo(entry);
        }
    }
}
