package dev.servicedesk.contracts.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * Absolute deadlines set when a ticket is routed.
 *
 * @param firstResponseDue  the customer hears from an agent by then
 * @param firstSolutionDue  a first solution is proposed by then
 * @param progressEvery     departments report progress at this cadence
 */
public record SlaDeadlines(Instant firstResponseDue, Instant firstSolutionDue, Duration progressEvery) {
}
