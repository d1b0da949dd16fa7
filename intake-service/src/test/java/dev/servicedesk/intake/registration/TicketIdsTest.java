package dev.servicedesk.intake.registration;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TicketIdsTest {

    @Test
    void idsAreReadableUniqueAndSortByTime() {
        TicketIds earlier = new TicketIds(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
        TicketIds later = new TicketIds(Clock.fixed(Instant.parse("2026-11-23T08:00:00.001Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(earlier.next());
        }

        assertThat(seen).hasSize(10_000).allMatch(id -> id.matches("T-[0-9a-z]{16}"));
        assertThat(later.next()).isGreaterThan(seen.stream().max(String::compareTo).orElseThrow());
    }
}
