package dev.servicedesk.routing.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BusinessCalendarHealthIndicatorTest {

    private static final CalendarProperties THROUGH_2027 = new CalendarProperties("Asia/Shanghai", "09:00", "18:00",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
            List.of("2026-10-01", "2027-01-01", "2027-10-05"), List.of("2026-09-20"));

    @Test
    void calendarListingNextYearIsUpWithItsCover() {
        Health health = indicator(THROUGH_2027, "2026-12-01T02:00:00Z").health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("coveredThrough", "2027-12-31").containsEntry("daysAhead", 395L)
                .doesNotContainKey("warning");
    }

    @Test
    void calendarEndingWithinNinetyDaysWarnsInHealthAndInTheLogOncePerDay(CapturedOutput output) {
        BusinessCalendarHealthIndicator indicator = indicator(THROUGH_2027, "2027-10-15T02:00:00Z");

        Health health = indicator.health();
        indicator.health();

        assertThat(health.getStatus()).isEqualTo(BusinessCalendarHealthIndicator.WARNING);
        assertThat(health.getDetails()).containsEntry("coveredThrough", "2027-12-31").containsEntry("daysAhead", 77L);
        assertThat((String) health.getDetails().get("warning")).contains("only through 2027-12-31");
        assertThat(output.getOut().split("only through 2027-12-31", -1)).as("logged once").hasSize(2);
    }

    @Test
    void dayOfTheWarningCountsInTheCalendarsZone() {
        // 16:00 UTC on 10-02 is already 10-03 in Shanghai: 89 days left, one below the limit.
        assertThat(indicator(THROUGH_2027, "2027-10-02T15:59:59Z").health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator(THROUGH_2027, "2027-10-02T16:00:00Z").health().getStatus())
                .isEqualTo(BusinessCalendarHealthIndicator.WARNING);
    }

    @Test
    void calendarWithoutHolidaysWarns() {
        CalendarProperties none = new CalendarProperties("Asia/Shanghai", "09:00", "18:00", List.of("MONDAY"), null, null);

        Health health = indicator(none, "2026-12-01T02:00:00Z").health();

        assertThat(health.getStatus()).isEqualTo(BusinessCalendarHealthIndicator.WARNING);
        assertThat((String) health.getDetails().get("warning")).contains("lists no holidays");
    }

    private static BusinessCalendarHealthIndicator indicator(CalendarProperties calendar, String now) {
        return new BusinessCalendarHealthIndicator(calendar, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), 90);
    }
}
