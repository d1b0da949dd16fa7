package dev.servicedesk.routing.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final BusinessCalendar calendar = new BusinessCalendar(BERLIN, LocalTime.of(8, 0), LocalTime.of(16, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2026-12-25")), Set.of());

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void workingTimeSpansADaylightSavingChangeInLocalHours() {
        // Friday 23 October 2026 15:00 CEST; clocks go back on Sunday 25 October; Monday 8:00 is CET
        Instant due = calendar.plusWorkingTime(berlin("2026-10-23T15:00"), Duration.ofHours(3));

        assertThat(due).isEqualTo(berlin("2026-10-26T10:00"));
    }

    @Test
    void configuredHolidayIsSkipped() {
        // Thursday 24 December 15:00, Friday 25 December is a holiday
        assertThat(calendar.plusWorkingTime(berlin("2026-12-24T15:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T09:00"));
        assertThat(calendar.plusWorkingDays(berlin("2026-12-24T15:00"), 1)).isEqualTo(berlin("2026-12-28T15:00"));
    }

    @Test
    void exactlyTheRestOfTheDayEndsAtClosingTime() {
        assertThat(calendar.plusWorkingTime(berlin("2026-11-23T12:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-23T16:00"));
    }

    @Test
    void calendarWithoutWorkingDaysIsRejectedInsteadOfLoopingForEver() {
        BusinessCalendar never = new BusinessCalendar(BERLIN, LocalTime.of(8, 0), LocalTime.of(16, 0),
                EnumSet.noneOf(DayOfWeek.class), Set.of(), Set.of());

        assertThatThrownBy(() -> never.plusWorkingTime(berlin("2026-11-23T12:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
