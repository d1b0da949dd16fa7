package dev.servicedesk.routing.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The business calendar ({@code servicedesk.routing.calendar.*}). Defaults: Asia/Shanghai,
 * 09:00-18:00, Monday to Friday; public holidays and the weekend days worked in exchange (调休)
 * are listed in {@code routing-service.yml}.
 *
 * @param holidays        ISO dates that are days off although they fall on a working weekday
 * @param workingWeekends ISO dates that are working days although they fall on a weekend
 */
@ConfigurationProperties("servicedesk.routing.calendar")
public record CalendarProperties(
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("09:00") String workStart,
        @DefaultValue("18:00") String workEnd,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<String> workingDays,
        List<String> holidays,
        List<String> workingWeekends) {

    public CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
    }
}
