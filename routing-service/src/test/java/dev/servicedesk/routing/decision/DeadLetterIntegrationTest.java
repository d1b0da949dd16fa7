package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.routing.DeadLetters;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterIntegrationTest extends RoutingIntegrationSupport {

    @Test
    void unreadableAndUnroutableRecordsGoToTheDeadLetterTopicWithTheReasonAndRoutingGoesOn() {
        String garbage = "T-GARBAGE-" + UUID.randomUUID();
        String anonymous = Tickets.newTicketId();
        String fine = Tickets.newTicketId();
        Instant now = Instant.now();
        EventEnvelope withoutCustomer = EventEnvelope.first(UUID.randomUUID(), anonymous, "intake-service", anonymous, now,
                new TicketReceived(Channel.EMAIL, null, null, null, "hello", null, null, Channel.EMAIL, "en", List.of(), false, now));
        try (TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING))) {
            DeadLetters.sendRaw(bootstrap(), Topics.TICKET_EVENTS, garbage, "{not json".getBytes(StandardCharsets.UTF_8));
            probe.send(Topics.TICKET_EVENTS, withoutCustomer);
            probe.send(Topics.TICKET_EVENTS, Tickets.received(fine, "How do I reset my password?"));

            probe.awaitRecord(record -> record.key().equals(fine) && record.value().payload() instanceof TicketRouted);
            List<ConsumerRecord<String, byte[]>> dead = DeadLetters.awaitKeys(bootstrap(), Topics.deadLetter(Topics.TICKET_EVENTS),
                    List.of(garbage, anonymous));

            assertThat(dead).allSatisfy(record ->
                    assertThat(DeadLetters.header(record, "kafka_dlt-exception-message")).isNotBlank());
            assertThat(dead).filteredOn(record -> record.key().equals(anonymous)).singleElement()
                    .satisfies(record -> assertThat(DeadLetters.header(record, "kafka_dlt-exception-message"))
                            .contains("without a customer id"));
            assertThat(dead).filteredOn(record -> record.key().equals(garbage)).singleElement()
                    .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json"));
            assertThat(probe.seen()).noneMatch(record -> record.key().equals(anonymous));
        }
    }
}
