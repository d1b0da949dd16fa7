package dev.servicedesk.benchmark.archive;

import dev.servicedesk.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kill test's verdict: reads {@code ticket-events} from the beginning, collects every ticket id
 * with a {@code TicketReceived}, and checks that the archive shows each with its routed
 * classification, waiting up to a bound for the archive to catch up.
 */
public final class TicketReceivedAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONCURRENCY = 32;

    private TicketReceivedAudit() {
    }

    /** Every ticket id that has a {@code TicketReceived} on the topic, in topic order per partition. */
    public static Set<String> receivedOnTopic(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new LinkedHashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null) {
                        continue;
                    }
                    JsonNode envelope = JSON.readTree(record.value());
                    if ("TicketReceived".equals(envelope.path("type").asString(null))) {
                        ids.add(envelope.path("ticketId").asString());
                    }
                }
            }
        }
        return ids;
    }

    /** The ids the archive still does not show with a classification after {@code maxWait}. */
    public static List<String> missingFromArchive(HttpClient client, Set<String> ticketIds, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<String> pending = new ArrayList<>(ticketIds);
        while (true) {
            pending = Flux.fromIterable(pending)
                    .flatMap(id -> ArchivedTicket.classification(client, id)
                            .filter(found -> found.isEmpty()).map(found -> id), CONCURRENCY)
                    .collectList()
                    .block();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            System.out.printf("  %,d tickets not yet in the archive with a classification; checking again%n", pending.size());
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        }
    }
}
