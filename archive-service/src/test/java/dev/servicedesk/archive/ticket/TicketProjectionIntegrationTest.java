package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ArchiveIntegrationSupport;
import dev.servicedesk.archive.ticket.TicketProjection.Outcome;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.ticket.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection against the real database, without the broker: concurrent writers and repeats. */
class TicketProjectionIntegrationTest extends ArchiveIntegrationSupport {

    @Autowired
    private TicketProjection projection;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void concurrentEventsOfOneTicketAreAllKeptAndRepeatsAreDropped() {
        TicketEvents ticket = TicketEvents.fresh(Instant.now());
        List<EventEnvelope> events = new ArrayList<>(List.of(ticket.received(), ticket.routed()));
        for (int i = 0; i < 4; i++) {
            events.add(ticket.later(new CustomerContacted("agent-" + i, Channel.CHAT, true, "message " + i), Duration.ofMinutes(i + 1)));
        }

        List<Outcome> first = Flux.fromIterable(events)
                .flatMap(event -> projection.apply(event).subscribeOn(Schedulers.parallel()), events.size())
                .collectList().block(Duration.ofSeconds(30));
        List<Outcome> again = Flux.fromIterable(events)
                .flatMap(event -> projection.apply(event).subscribeOn(Schedulers.parallel()), events.size())
                .collectList().block(Duration.ofSeconds(30));

        assertThat(first).hasSize(events.size()).containsOnly(Outcome.APPLIED);
        assertThat(again).hasSize(events.size()).containsOnly(Outcome.DUPLICATE);
        TicketDocument stored = mongo.findById(ticket.ticketId(), TicketDocument.class).block(Duration.ofSeconds(5));
        assertThat(stored.version()).isEqualTo(events.size());
        assertThat(stored.timeline()).extracting(TimelineEntry::eventId)
                .containsExactlyElementsOf(events.stream().map(event -> event.eventId().toString()).toList());
        assertThat(stored.status()).isEqualTo(TicketStatus.ROUTED);
        assertThat(stored.channel()).isEqualTo("phone");
    }
}
