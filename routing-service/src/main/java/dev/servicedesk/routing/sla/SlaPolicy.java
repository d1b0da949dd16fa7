package dev.servicedesk.routing.sla;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.SlaDeadlines;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Absolute deadlines for a priority from the moment the clock starts (DOMAIN §2-§6). Normal and
 * important clocks count working time on the business calendar; urgent runs round the clock.
 */
@Component
public class SlaPolicy {

    private final BusinessCalendar calendar;
    private final Map<Priority, SlaProperties.Level> levels = new EnumMap<>(Priority.class);

    public SlaPolicy(SlaProperties properties, CalendarProperties calendar) {
        this.calendar = BusinessCalendar.of(calendar);
        for (Priority priority : Priority.values()) {
            SlaProperties.Level level = properties.levels().get(priority.wireName());
            if (level == null || level.firstResponse() == null || level.progressEvery() == null
                    || (level.firstSolution() == null && level.firstSolutionWorkingDays() <= 0)) {
                throw new IllegalStateException("servicedesk.routing.sla.levels." + priority.wireName()
                        + " needs first-response, first-solution (or first-solution-working-days) and progress-every");
            }
            levels.put(priority, level);
        }
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public SlaDeadlines deadlines(Priority priority, Instant clockStart) {
        SlaProperties.Level level = levels.get(priority);
        Instant firstResponse = plus(level, clockStart, level.firstResponse());
        Instant firstSolution = level.firstSolutionWorkingDays() > 0
                ? (level.businessCalendar()
                        ? calendar.plusWorkingDays(clockStart, level.firstSolutionWorkingDays())
                        : clockStart.plus(Duration.ofDays(level.firstSolutionWorkingDays())))
                : plus(level, clockStart, level.firstSolution());
        return new SlaDeadlines(firstResponse, firstSolution, level.progressEvery(),
                level.solutionFeedbackWorkingDays(), level.callbackWithin() != null ? 0 : level.callbackWorkingDays(),
                level.callbackWithin(), calendar.zone().getId());
    }

    private Instant plus(SlaProperties.Level level, Instant start, Duration amount) {
        return level.businessCalendar() ? calendar.plusWorkingTime(start, amount) : start.plus(amount);
    }
}
