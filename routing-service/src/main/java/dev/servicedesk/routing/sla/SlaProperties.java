package dev.servicedesk.routing.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * SLA policy per priority ({@code servicedesk.routing.sla.<urgent|important|normal>.*}).
 *
 * @param levels per priority wire name
 */
@ConfigurationProperties("servicedesk.routing.sla")
public record SlaProperties(Map<String, Level> levels) {

    public SlaProperties {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /**
     * @param businessCalendar            count on the business calendar (working time) rather than round the clock
     * @param firstResponse               time to the first response
     * @param firstSolution               time to the first solution, when given as a duration
     * @param firstSolutionWorkingDays    time to the first solution in working days, used when above zero
     * @param progressEvery               progress-update cadence
     * @param solutionFeedbackWorkingDays the customer hears of a solution within this many working days
     * @param callbackWorkingDays         satisfaction callback within this many working days of closure
     * @param callbackWithin              round-the-clock callback limit; replaces the working days when set
     */
    public record Level(boolean businessCalendar, Duration firstResponse, Duration firstSolution,
                        int firstSolutionWorkingDays, Duration progressEvery, int solutionFeedbackWorkingDays,
                        int callbackWorkingDays, Duration callbackWithin) {
    }
}
