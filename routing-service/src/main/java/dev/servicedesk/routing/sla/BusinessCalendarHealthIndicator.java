package dev.servicedesk.routing.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How far ahead the business calendar is known ({@code businessCalendar} in {@code /actuator/health}).
 * Holidays and the weekend days worked in exchange are published a year at a time; past the last
 * listed year every weekday counts as a working day, so deadlines over a holiday come out too
 * early, and nothing else would say so. The calendar covers through the end of the last year it
 * lists; below {@code servicedesk.routing.calendar.warn-days-ahead} (90) days of cover the
 * indicator reports {@code WARNING}, and the log says so at start and once a day. Not part of
 * readiness: the service keeps routing.
 */
@Component
class BusinessCalendarHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "the business calendar ends soon");
    private static final Logger log = LoggerFactory.getLogger(BusinessCalendarHealthIndicator.class);

    private final Optional<LocalDate> coveredThrough;
    private final ZoneId zone;
    private final int warnDaysAhead;
    private final Clock clock;
    private volatile LocalDate lastWarned;

    BusinessCalendarHealthIndicator(CalendarProperties calendar, Clock clock,
                                    @Value("${servicedesk.routing.calendar.warn-days-ahead:90}") int warnDaysAhead) {
        this.coveredThrough = Stream.concat(calendar.holidays().stream(), calendar.workingWeekends().stream())
                .map(LocalDate::parse)
                .max(LocalDate::compareTo)
                .map(last -> last.withDayOfYear(last.lengthOfYear()));
        this.zone = ZoneId.of(calendar.zone());
        this.warnDaysAhead = warnDaysAhead;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (coveredThrough.isEmpty()) {
            return warn(today, Health.status(WARNING), "The business calendar lists no holidays: every weekday counts as"
                    + " a working day. List them under servicedesk.routing.calendar.holidays.");
        }
        LocalDate through = coveredThrough.get();
        long daysAhead = ChronoUnit.DAYS.between(today, through);
        Health.Builder health = Health.up().withDetail("coveredThrough", through.toString()).withDetail("daysAhead", daysAhead)
                .withDetail("warnDaysAhead", warnDaysAhead);
        if (daysAhead >= warnDaysAhead) {
            return health.build();
        }
        return warn(today, health.status(WARNING), "The business calendar lists holidays only through " + through + " ("
                + daysAhead + " days ahead): after that every weekday counts as a working day and SLA deadlines over a"
                + " holiday come out too early. Add the next year's holidays and working weekends to"
                + " servicedesk.routing.calendar.");
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        health();
    }

    private Health warn(LocalDate today, Health.Builder health, String warning) {
        if (!today.equals(lastWarned)) {
            lastWarned = today;
            log.warn(warning);
        }
        return health.withDetail("warning", warning).build();
    }
}
