package dev.servicedesk.routing.cluster;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.events.TicketLinkedToCluster;
import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.routing.RoutingApplication;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import dev.servicedesk.routing.Tickets;
import dev.servicedesk.routing.TopicProbe;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Problem clusters stay correct with two routing instances on different partitions: the second
 * instance is a separate application context in the same consumer group and database.
 */
class ProblemClusterIntegrationTest extends RoutingIntegrationSupport {

    private static final int PARTITIONS = 6;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ProblemClusterDetector detector;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void threeCustomersOnPartitionsOfTwoInstancesMakeOneClusterAndALaterTicketJoinsIt() {
        try (ConfigurableApplicationContext second = RoutingApplication.builder().run(
                "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(),
                "--spring.mongodb.database=" + DATABASE,
                "--server.port=0",
                "--spring.main.banner-mode=off");
             TopicProbe probe = new TopicProbe(bootstrap(), List.of(Topics.TICKET_ROUTING, Topics.PROBLEM_CLUSTERS))) {
            KafkaListenerEndpointRegistry secondListeners = second.getBean(KafkaListenerEndpointRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !assigned(listeners).isEmpty() && !assigned(secondListeners).isEmpty()
                    && assigned(listeners).size() + assigned(secondListeners).size() == PARTITIONS);
            Set<Integer> mine = assigned(listeners);
            Set<Integer> theirs = assigned(secondListeners);

            ProductRef kettle = new ProductRef("Aurora Kettle " + UUID.randomUUID(), "B-2611");
            List<String> tickets = List.of(ticketOn(mine), ticketOn(theirs), ticketOn(mine), ticketOn(theirs));
            Instant now = Instant.now();
            for (int i = 0; i < 3; i++) {
                probe.send(Topics.TICKET_EVENTS, Tickets.received(tickets.get(i), "c-kettle-" + i + "-" + tickets.get(i),
                        CustomerTier.NORMAL, "水壶底座漏电，插上电就跳闸", kettle, now.plusSeconds(i)));
            }
            List<ConsumerRecord<String, EventEnvelope>> seen = probe.awaitRecord(record ->
                    record.value().payload() instanceof ProblemClusterDetected detected && detected.product().equals(kettle));
            ProblemClusterDetected detected = seen.stream().map(record -> record.value().payload())
                    .filter(payload -> payload instanceof ProblemClusterDetected d && d.product().equals(kettle))
                    .map(ProblemClusterDetected.class::cast).findFirst().orElseThrow();
            assertThat(detected.ticketIds()).containsExactlyInAnyOrderElementsOf(tickets.subList(0, 3));
            assertThat(detected.customerIds()).hasSize(3);

            probe.send(Topics.TICKET_EVENTS, Tickets.received(tickets.get(3), "c-kettle-3", CustomerTier.NORMAL,
                    "Kettle base gives electric shocks", kettle, now.plusSeconds(60)));
            seen = probe.awaitRecord(record -> record.key().equals(tickets.get(3)) && record.value().payload() instanceof TicketLinkedToCluster);
            for (String ticket : tickets) {
                seen = probe.awaitRecord(record -> record.key().equals(ticket) && record.value().payload() instanceof TicketRouted);
            }

            assertThat(seen).filteredOn(record -> record.value().payload() instanceof ProblemClusterDetected d && d.product().equals(kettle))
                    .hasSize(1);
            TicketLinkedToCluster linked = (TicketLinkedToCluster) seen.stream()
                    .filter(record -> record.key().equals(tickets.get(3)) && record.value().payload() instanceof TicketLinkedToCluster)
                    .findFirst().orElseThrow().value().payload();
            assertThat(linked.clusterId()).isEqualTo(detected.clusterId());
            TicketRouted fourth = (TicketRouted) seen.stream()
                    .filter(record -> record.key().equals(tickets.get(3)) && record.value().payload() instanceof TicketRouted)
                    .findFirst().orElseThrow().value().payload();
            assertThat(fourth.clusterId()).isEqualTo(detected.clusterId());
        }
    }

    @Test
    void concurrentReportsOfManyCustomersOpenExactlyOneCluster() {
        ProductRef router = new ProductRef("Mesh Router " + UUID.randomUUID(), null);
        Instant now = Instant.now();

        List<ClusterOutcome> outcomes = Flux.range(0, 12)
                .flatMap(i -> detector.report("T-race-" + i + "-" + UUID.randomUUID(), "c-race-" + i, router, now.plusMillis(i)), 12)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(outcomes).filteredOn(outcome -> outcome.detected() != null).hasSize(1);
        String clusterId = outcomes.stream().filter(outcome -> outcome.detected() != null).findFirst().orElseThrow().clusterId();
        assertThat(outcomes).filteredOn(outcome -> outcome.clusterId() != null)
                .allSatisfy(outcome -> assertThat(outcome.clusterId()).isEqualTo(clusterId));
    }

    @Test
    void aPollsReportsOpenOneClusterByTheTicketThatCompletesItAndTheOthersJoinAlsoWhenRedelivered() {
        ProductRef heater = new ProductRef("Oil Heater " + UUID.randomUUID(), "H-9");
        Instant now = Instant.now();
        List<ProblemClusterDetector.Report> poll = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            poll.add(new ProblemClusterDetector.Report("T-poll-" + i + "-" + UUID.randomUUID(), "c-poll-" + i, heater,
                    now.plusSeconds(i)));
        }

        Map<String, ClusterOutcome> outcomes = detector.reportAll(poll).block(Duration.ofSeconds(30));
        Map<String, ClusterOutcome> again = detector.reportAll(poll).block(Duration.ofSeconds(30));

        List<ClusterOutcome> inOrder = poll.stream().map(report -> outcomes.get(report.ticketId())).toList();
        assertThat(inOrder.subList(0, 2)).containsOnly(ClusterOutcome.NONE);
        ProblemClusterDetected detected = inOrder.get(2).detected();
        assertThat(detected).isNotNull();
        assertThat(detected.ticketIds()).containsExactly(poll.get(0).ticketId(), poll.get(1).ticketId(), poll.get(2).ticketId());
        assertThat(inOrder.subList(3, 5)).allSatisfy(outcome -> {
            assertThat(outcome.linked()).isTrue();
            assertThat(outcome.clusterId()).isEqualTo(detected.clusterId());
        });
        assertThat(again.get(poll.get(2).ticketId())).isEqualTo(inOrder.get(2));
        assertThat(poll.subList(3, 5)).allSatisfy(report -> assertThat(again.get(report.ticketId())).isEqualTo(inOrder.get(3)));
        List<Document> reports = mongo.findById(ProblemClusterDetector.key(heater), Document.class, ProblemClusterDetector.COLLECTION)
                .map(document -> document.getList("reports", Document.class))
                .block(Duration.ofSeconds(5));
        assertThat(reports).hasSize(5);
    }

    @Test
    void ticketsJoiningAnOpenClusterMoveItsLastReportForwardWithoutGrowingTheProductsDocument() {
        ProductRef kettle = new ProductRef("Kettle " + UUID.randomUUID(), "K-1");
        Instant start = Instant.now().minus(Duration.ofDays(5));
        List<ProblemClusterDetector.Report> opening = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opening.add(new ProblemClusterDetector.Report("T-open-" + i + "-" + UUID.randomUUID(), "c-open-" + i, kettle, start.plusSeconds(i)));
        }
        String clusterId = detector.reportAll(opening).block(Duration.ofSeconds(30)).get(opening.get(2).ticketId()).clusterId();

        List<ClusterOutcome> joined = new ArrayList<>();
        for (int poll = 0; poll < 4; poll++) {
            List<ProblemClusterDetector.Report> reports = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reports.add(new ProblemClusterDetector.Report("T-join-" + poll + "-" + i + "-" + UUID.randomUUID(), "c-join-" + i,
                        kettle, start.plus(Duration.ofHours(10L * poll + 1)).plusSeconds(i)));
            }
            Map<String, ClusterOutcome> outcomes = detector.reportAll(reports).block(Duration.ofSeconds(30));
            reports.forEach(report -> joined.add(outcomes.get(report.ticketId())));
        }

        assertThat(clusterId).isNotNull();
        assertThat(joined).hasSize(20).allSatisfy(outcome -> {
            assertThat(outcome.linked()).isTrue();
            assertThat(outcome.clusterId()).isEqualTo(clusterId);
        });
        Document stored = mongo.findById(ProblemClusterDetector.key(kettle), Document.class, ProblemClusterDetector.COLLECTION)
                .block(Duration.ofSeconds(5));
        assertThat(stored.getList("reports", Document.class)).hasSize(3);
        assertThat(stored.get("cluster", Document.class).getDate("lastAt").toInstant())
                .isEqualTo(start.plus(Duration.ofHours(31)).plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        // 24 h after the last join the cluster is still open; 25 h after, it has closed
        assertThat(detector.report("T-late-" + UUID.randomUUID(), "c-late", kettle, start.plus(Duration.ofHours(55))).block().clusterId())
                .isEqualTo(clusterId);
        assertThat(detector.report("T-later-" + UUID.randomUUID(), "c-later", kettle, start.plus(Duration.ofHours(80))).block())
                .isEqualTo(ClusterOutcome.NONE);
    }

    @Test
    void anOpenClusterLastsWhileReportsKeepComingWithinTheWindow() {
        ProductRef fridge = new ProductRef("Fridge " + UUID.randomUUID(), null);
        Instant start = Instant.now().minus(Duration.ofDays(10));
        for (int i = 0; i < 3; i++) {
            detector.report("T-chain-" + i + "-" + UUID.randomUUID(), "c-chain-" + i, fridge, start.plusSeconds(i)).block();
        }

        ClusterOutcome after20h = detector.report("T-chain-3-" + UUID.randomUUID(), "c-chain-3", fridge, start.plus(Duration.ofHours(20))).block();
        ClusterOutcome after40h = detector.report("T-chain-4-" + UUID.randomUUID(), "c-chain-4", fridge, start.plus(Duration.ofHours(40))).block();
        ClusterOutcome after70h = detector.report("T-chain-5-" + UUID.randomUUID(), "c-chain-5", fridge, start.plus(Duration.ofHours(70))).block();

        assertThat(after20h.linked()).isTrue();
        assertThat(after40h.linked()).isTrue();
        assertThat(after40h.clusterId()).isEqualTo(after20h.clusterId());
        assertThat(after70h).isEqualTo(ClusterOutcome.NONE);
    }

    @Test
    void reportsOutsideTheWindowOrOfOtherBatchesDoNotCluster() {
        ProductRef sameName = new ProductRef("Heater " + UUID.randomUUID(), "LOT-1");
        Instant now = Instant.now();

        ClusterOutcome first = detector.report("T-w1-" + UUID.randomUUID(), "c-w1", sameName, now.minus(Duration.ofHours(30))).block();
        ClusterOutcome otherBatch = detector.report("T-w2-" + UUID.randomUUID(), "c-w2",
                new ProductRef(sameName.name(), "LOT-2"), now).block();
        ClusterOutcome second = detector.report("T-w3-" + UUID.randomUUID(), "c-w3", sameName, now).block();
        ClusterOutcome third = detector.report("T-w4-" + UUID.randomUUID(), "c-w4", sameName, now.plusSeconds(5)).block();

        assertThat(List.of(first, otherBatch, second, third)).allSatisfy(outcome -> assertThat(outcome).isEqualTo(ClusterOutcome.NONE));
    }

    @Test
    void aPopularProductsReportsArePrunedOnceTheyCanNoLongerCluster() {
        ProductRef popular = new ProductRef("Phone " + UUID.randomUUID(), null);
        Instant now = Instant.now();
        detector.report("T-old-" + UUID.randomUUID(), "c-old", popular, now.minus(Duration.ofHours(60))).block();

        Flux.range(0, 500)
                .flatMap(i -> detector.report("T-pop-" + i + "-" + UUID.randomUUID(), "c-pop-" + (i % 2), popular, now), 16)
                .blockLast(Duration.ofSeconds(60));

        List<Document> reports = mongo.findById(ProblemClusterDetector.key(popular), Document.class, ProblemClusterDetector.COLLECTION)
                .map(document -> document.getList("reports", Document.class))
                .block(Duration.ofSeconds(5));
        assertThat(reports).hasSize(500).noneMatch(report -> report.getString("customerId").equals("c-old"));
    }

    private static Set<Integer> assigned(KafkaListenerEndpointRegistry registry) {
        Set<Integer> partitions = new HashSet<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            Collection<TopicPartition> assigned = container.getAssignedPartitions();
            if (assigned != null) {
                assigned.stream().filter(tp -> tp.topic().equals(Topics.TICKET_EVENTS)).forEach(tp -> partitions.add(tp.partition()));
            }
        }
        return partitions;
    }

    /** A ticket id whose record lands on one of {@code partitions} (Kafka's default partitioner). */
    private static String ticketOn(Set<Integer> partitions) {
        while (true) {
            String candidate = Tickets.newTicketId();
            int partition = Utils.toPositive(Utils.murmur2(candidate.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (partitions.contains(partition)) {
                return candidate;
            }
        }
    }
}
