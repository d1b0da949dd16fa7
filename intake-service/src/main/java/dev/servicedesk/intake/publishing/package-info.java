/** Writing the ticket of record to Kafka: acknowledged, time-limited, behind a circuit breaker. */
package dev.servicedesk.intake.publishing;
