package dev.servicedesk.routing.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working time: working hours on working days in one time zone. A date listed as a working
 * weekend day works even on a Saturday; a listed holiday rests even on a Monday.
 */
public final class BusinessCalendar {

    // a calendar without any working day would loop for ever; ten years is far beyond any SLA
    private static final int MAX_DAYS_SCANNED = 3660;

    private final ZoneId zone;
    private final LocalTime workStart;
    private final LocalTime workEnd;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public BusinessCalendar(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingDays,
                            Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("working hours must start before they end: " + workStart + "-" + workEnd);
        }
        this.zone = zone;
        this.workStart = workStart;
        this.workEnd = workEnd;
        this.workingDays = workingDays.isEmpty() ? Set.of() : EnumSet.copyOf(workingDays);
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    public static BusinessCalendar of(CalendarProperties properties) {
        return new BusinessCalendar(
                ZoneId.of(properties.zone()),
                LocalTime.parse(properties.workStart()),
                LocalTime.parse(properties.workEnd()),
                properties.workingDays().stream().map(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toSet()),
                properties.holidays().stream().map(LocalDate::parse).collect(Collectors.toSet()),
                properties.workingWeekends().stream().map(LocalDate::parse).collect(Collectors.toSet()));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && workingDays.contains(date.getDayOfWeek());
    }

    /** The first working moment at or after {@code instant}. */
    public Instant nextWorkingMoment(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (isWorkingDay(date) && !time.isBefore(workStart) && time.isBefore(workEnd)) {
            return instant;
        }
        if (isWorkingDay(date) && time.isBefore(workStart)) {
            return at(date, workStart);
        }
        return at(nextWorkingDay(date), workStart);
    }

    /** {@code instant} plus {@code amount} of working time: 4 h from Friday 17:00 is Monday 12:00. */
    public Instant plusWorkingTime(Instant instant, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative working time " + amount);
        }
        Instant current = nextWorkingMoment(instant);
        Duration remaining = amount;
        for (int day = 0; day < MAX_DAYS_SCANNED; day++) {
            LocalDate date = LocalDateTime.ofInstant(current, zone).toLocalDate();
            Duration leftToday = Duration.between(current, at(date, workEnd));
            if (remaining.compareTo(leftToday) <= 0) {
                return current.plus(remaining);
            }
            remaining = remaining.minus(leftToday);
            current = at(nextWorkingDay(date), workStart);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SCANNED + " days");
    }

    /**
     * The same working moment {@code days} working days later ("within 1 working day"): a ticket
     * at Friday 17:50 is due Monday 17:50; one received at night counts from the next morning.
     */
    public Instant plusWorkingDays(Instant instant, int days) {
        Instant start = nextWorkingMoment(instant);
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate date = local.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return at(date, local.toLocalTime());
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, next = next.plusDays(1)) {
            if (isWorkingDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS_SCANNED + " days after " + date);
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
