package dev.servicedesk.archive.ticket;

import dev.servicedesk.contracts.EventEnvelope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * One event in a ticket's timeline: what happened, when, who produced it and one line for people.
 * The payload is not kept: what it changed is folded into the ticket's fields, and the topics hold
 * the event itself for whoever needs it again (a rebuild replays them).
 *
 * @param actor   who did the step, when a person did (see {@link Actors})
 * @param summary one line for people, written when the event was archived
 */
public record TimelineEntry(
        String eventId,
        String type,
        Instant occurredAt,
        String producer,
        String correlationId,
        String causationId,
        String actor,
        String summary) {

    /** Time order; the event id breaks ties so every replica sorts alike. */
    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId);

    /** MongoDB keeps milliseconds: truncating here makes what is served equal to what is stored. */
    static TimelineEntry of(EventEnvelope event) {
        return new TimelineEntry(event.eventId().toString(), event.type(),
                event.occurredAt().truncatedTo(ChronoUnit.MILLIS), event.producer(), event.correlationId(),
                event.causationId(), Actors.of(event.payload()), TimelineSummaries.describe(event.payload()));
    }

    boolean isAfter(Instant at, String eventId) {
        return at == null || ORDER.compare(this, new TimelineEntry(eventId, null, at, null, null, null, null, null)) > 0;
    }
}
