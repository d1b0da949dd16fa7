/** The ticket of record as intake sees it: a projection of {@code ticket-events} and routing decisions, with its state machine. */
package dev.servicedesk.intake.record;
