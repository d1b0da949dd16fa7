package dev.servicedesk.contracts.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * Absolute deadlines set when a ticket is routed, plus the rules for the clocks that only start
 * later (a solution, a closure) and so cannot be absolute yet.
 *
 * @param firstResponseDue            the customer hears from an agent by then
 * @param firstSolutionDue            a first solution is proposed by then
 * @param progressEvery               departments report progress at this cadence
 * @param solutionFeedbackWorkingDays the agent tells the customer the solution within this many working days of it
 * @param callbackWorkingDays         satisfaction callback within this many working days of closure,
 *                                    0 when {@code callbackWithin} applies instead
 * @param callbackWithin              a round-the-clock callback limit (urgent tickets: 24 h), otherwise {@code null}
 * @param calendarZone                time zone of the business calendar the working days count in
 */
public record SlaDeadlines(Instant firstResponseDue, Instant firstSolutionDue, Duration progressEvery,
                           int solutionFeedbackWorkingDays, int callbackWorkingDays, Duration callbackWithin,
                           String calendarZone) {

    /** Deadlines without the later clocks' rules. */
    public SlaDeadlines(Instant firstResponseDue, Instant firstSolutionDue, Duration progressEvery) {
        this(firstResponseDue, firstSolutionDue, progressEvery, 0, 0, null, null);
    }
}
