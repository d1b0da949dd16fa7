package dev.servicedesk.contracts;

import dev.servicedesk.contracts.ticket.Department;

import java.util.List;
import java.util.stream.Stream;

/** Kafka topic names. Every topic is keyed by ticket id so one ticket's events stay in order. */
public final class Topics {

    /** Intake's lifecycle events: the ticket of record. */
    public static final String TICKET_EVENTS = "ticket-events";
    /** Routing decisions: classification, priority, SLA deadlines, department. */
    public static final String TICKET_ROUTING = "ticket-routing";
    /** Complaints and safety hazards that a supervisor must see at once. */
    public static final String SUPERVISOR_ALERTS = "supervisor-alerts";
    /** Problem clusters: several customers, same product or batch, short window. */
    public static final String PROBLEM_CLUSTERS = "problem-clusters";
    /**
     * Department systems report back here with lifecycle events (progress, solution proposed, ...);
     * intake checks each against the ticket's state and republishes it on {@link #TICKET_EVENTS}.
     */
    public static final String DEPARTMENT_RESULTS = "department-results";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";
    private static final String WORK_PREFIX = "work.";

    private Topics() {
    }

    /** The topic a department system subscribes to for its work items. */
    public static String work(Department department) {
        return WORK_PREFIX + department.wireName();
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Topics carrying events, without their dead-letter twins. */
    public static List<String> eventTopics() {
        return Stream.concat(
                        Stream.of(TICKET_EVENTS, TICKET_ROUTING, SUPERVISOR_ALERTS, PROBLEM_CLUSTERS, DEPARTMENT_RESULTS),
                        Stream.of(Department.values()).map(Topics::work))
                .toList();
    }
}
