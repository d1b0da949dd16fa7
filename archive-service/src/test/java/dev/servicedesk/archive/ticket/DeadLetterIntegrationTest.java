package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.ArchiveIntegrationSupport;
import dev.servicedesk.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIntegrationTest extends ArchiveIntegrationSupport {

    @Test
    void garbageRecordIsDeadLetteredWithItsReasonAndLaterEventsStillArrive() {
        TicketEvents ticket = TicketEvents.fresh(Instant.now());
        byte[] garbage = ("\u0000not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        // same key as the ticket: same partition, so the good event queues right behind the poison one
        publishRaw(Topics.TICKET_EVENTS, ticket.ticketId(), garbage);
        publish(Topics.TICKET_EVENTS, ticket.received());

        awaitJson("/api/tickets/" + ticket.ticketId(), json -> assertThat(json.path("timeline")).hasSize(1));

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.TICKET_EVENTS)));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().filter(record -> ticket.ticketId().equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);

            assertThat(dead.value()).isEqualTo(garbage);
            Header reason = dead.headers().lastHeader("kafka_dlt-exception-message");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.TICKET_EVENTS);
        }
    }
}
