package dev.servicedesk.routing.sla;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import dev.servicedesk.routing.RoutingRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped SLA policy on the shipped calendar (Asia/Shanghai, 09:00-18:00, Mon-Fri, 2026 holidays). */
class SlaPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final SlaPolicy policy = new SlaPolicy(
            RoutingRules.bind("servicedesk.routing.sla", SlaProperties.class),
            RoutingRules.bind("servicedesk.routing.calendar", CalendarProperties.class));

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void normalTicketAtFridayTenToSixIsAnsweredMondayAfternoonAndSolvedThreeWorkingDaysLater() {
        // 2026-11-20 is a Friday: 10 minutes of working time left, 7 h 50 on Monday
        SlaDeadlines deadlines = policy.deadlines(Priority.NORMAL, shanghai("2026-11-20T17:50"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-11-23T16:50"));
        assertThat(deadlines.firstSolutionDue()).isEqualTo(shanghai("2026-11-25T17:50"));
        assertThat(deadlines.progressEvery()).isEqualTo(Duration.ofHours(4));
        assertThat(deadlines.solutionFeedbackWorkingDays()).isEqualTo(1);
        assertThat(deadlines.callbackWorkingDays()).isEqualTo(2);
        assertThat(deadlines.callbackWithin()).isNull();
        assertThat(deadlines.calendarZone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void importantTicketAtFridayTenToSixIsAnsweredMondayNoonAndSolvedOneWorkingDayLater() {
        SlaDeadlines deadlines = policy.deadlines(Priority.IMPORTANT, shanghai("2026-11-20T17:50"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-11-23T12:50"));
        assertThat(deadlines.firstSolutionDue()).isEqualTo(shanghai("2026-11-23T17:50"));
        assertThat(deadlines.progressEvery()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void urgentTicketRunsRoundTheClockWithHourlyProgressAndCallbackWithinADay() {
        Instant fridayEvening = shanghai("2026-11-20T17:50");

        SlaDeadlines deadlines = policy.deadlines(Priority.URGENT, fridayEvening);

        assertThat(deadlines.firstResponseDue()).isEqualTo(fridayEvening.plus(Duration.ofMinutes(15)));
        assertThat(deadlines.firstSolutionDue()).isEqualTo(shanghai("2026-11-20T19:50"));
        assertThat(deadlines.progressEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(deadlines.callbackWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(deadlines.callbackWorkingDays()).isZero();
    }

    @Test
    void nationalDayWeekPausesTheClockUntilTheNextWorkingDay() {
        // Wednesday 30 September 2026, 17:00: 1 h left, then 1-7 October are off; 8 October is a Thursday
        SlaDeadlines deadlines = policy.deadlines(Priority.NORMAL, shanghai("2026-09-30T17:00"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-10-08T16:00"));
        // working days: 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Saturday worked in exchange)
        assertThat(deadlines.firstSolutionDue()).isEqualTo(shanghai("2026-10-10T17:00"));
    }

    @Test
    void weekendDayWorkedInExchangeForAHolidayCountsAsWorkingTime() {
        // Friday 9 October 2026, 17:00; Saturday 10 October is a working day
        SlaDeadlines deadlines = policy.deadlines(Priority.IMPORTANT, shanghai("2026-10-09T17:00"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-10-10T12:00"));
    }

    @Test
    void businessDayIsTheShanghaiDayNotTheUtcDay() {
        // Sunday 23:30 UTC is already Monday 07:30 in Shanghai: the clock starts at 09:00 that Monday
        Instant sundayUtc = Instant.parse("2026-11-22T23:30:00Z");

        SlaDeadlines deadlines = policy.deadlines(Priority.NORMAL, sundayUtc);

        assertThat(deadlines.firstResponseDue()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z")); // 17:00 Shanghai
    }

    @Test
    void ticketArrivingAtNightCountsFromTheNextMorning() {
        SlaDeadlines deadlines = policy.deadlines(Priority.IMPORTANT, shanghai("2026-11-24T22:15"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-11-25T13:00"));
        assertThat(deadlines.firstSolutionDue()).isEqualTo(shanghai("2026-11-26T09:00"));
    }
}
