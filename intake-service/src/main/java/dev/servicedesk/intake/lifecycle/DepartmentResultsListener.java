package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Lifecycle commands sent by department systems on {@code department-results}. Commands the
 * ticket's state does not allow, or malformed ones, go to the dead-letter topic with the reason;
 * a ticket intake does not know yet is retried with backoff first.
 */
@Component
class DepartmentResultsListener {

    private static final Logger log = LoggerFactory.getLogger(DepartmentResultsListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final LifecycleCommands commands;

    DepartmentResultsListener(LifecycleCommands commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.DEPARTMENT_RESULTS)
    void on(EventEnvelope result) {
        LifecycleCommands.Outcome outcome = commands.fromDepartment(result).block(TIMEOUT);
        if (outcome != null) {
            log.info("Ticket {}: {} from {} -> {}{}", outcome.ticketId(), outcome.event(), result.producer(),
                    outcome.state().wireName(), outcome.replayed() ? " (already applied)" : "");
        }
    }
}
