package dev.servicedesk.archive.projection;

import dev.servicedesk.archive.ArchiveApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketEvents;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.ticket.Channel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dev.servicedesk.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection of whole polls against the real database, without the broker: repeats inside a
 * poll, a redelivered poll, a redelivery onto the state a crash between the shard writes and the
 * ticket write leaves (the process itself is killed in the benchmark's {@code --kill-test}), and the
 * latest-ticket lists, which are written without being read.
 * Its own database keeps these tickets, which are on no topic, out of the rebuild comparison;
 * a topic no test publishes to keeps these offsets apart from the listener's.
 */
@SpringBootTest(classes = ArchiveApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=archive-service")
@AutoConfigureWebTestClient
class PollProjectionIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = TestInfrastructure.uniqueDatabase("archive-polls");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    @Autowired
    private WebTestClient web;

    private static final int PARTITION = 5;
    /** The list test's own partition: its tickets fill that partition's list shards. */
    private static final int LIST_PARTITION = 4;
    /** What a list shard keeps (RecentTickets.PER_SHARD). */
    private static final int SHARD_SIZE = 60;
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

    @Autowired
    private PollProjection projection;

    @Autowired
    private ReactiveMongoTemplate mongo;

    private List<ConsumerRecord<String, EventEnvelope>> poll(List<EventEnvelope> events) {
        return poll(events, PARTITION);
    }

    private List<ConsumerRecord<String, EventEnvelope>> poll(List<EventEnvelope> events, int partition) {
        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            records.add(new ConsumerRecord<>(Topics.TICKET_EVENTS + "-replay", partition, OFFSETS.incrementAndGet(),
                    event.ticketId(), event));
        }
        return records;
    }

    private JsonNode get(String path) {
        return JSON.readTree(web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private long total() {
        return get("/api/kpis/summary").path("total").asLong();
    }

    private long customerTickets(String customerId) {
        return get("/api/customers/" + customerId).path("ticketCount").asLong();
    }

    @Test
    void eventsRepeatedInsideOnePollAreFoldedOnce() {
        TicketEvents ticket = TicketEvents.fresh(Instant.now());
        EventEnvelope contact = ticket.later(new CustomerContacted("agent-1", Channel.CHAT, true, "hello"), Duration.ofMinutes(1));
        long totalBefore = total();

        projection.project(poll(List.of(ticket.received(), ticket.routed(), contact, ticket.received(), contact)))
                .block(Duration.ofSeconds(10));

        TicketDocument stored = mongo.findById(ticket.ticketId(), TicketDocument.class).block(Duration.ofSeconds(5));
        assertThat(stored.timeline()).hasSize(3);
        assertThat(total()).isEqualTo(totalBefore + 1);
        assertThat(customerTickets(ticket.customerId())).isEqualTo(1);
    }

    @Test
    void redeliveredPollChangesNothing() {
        TicketEvents ticket = TicketEvents.fresh(Instant.now());
        List<ConsumerRecord<String, EventEnvelope>> poll = poll(List.of(ticket.received(), ticket.routed()));
        projection.project(poll).block(Duration.ofSeconds(10));
        JsonNode view = get("/api/tickets/" + ticket.ticketId());
        JsonNode customer = get("/api/customers/" + ticket.customerId());
        long totalBefore = total();

        projection.project(poll).block(Duration.ofSeconds(10));

        assertThat(get("/api/tickets/" + ticket.ticketId())).isEqualTo(view);
        assertThat(get("/api/customers/" + ticket.customerId())).isEqualTo(customer);
        assertThat(total()).isEqualTo(totalBefore);
    }

    @Test
    void redeliveryFindingTheShardsWrittenButNotTheTicketsNeitherLosesNorDoubleCountsIt() {
        // later than the list test's tickets, so it is among the 100 most recent whatever ran before
        TicketEvents ticket = TicketEvents.fresh(Instant.now().plus(Duration.ofDays(1)));
        List<ConsumerRecord<String, EventEnvelope>> poll = poll(List.of(ticket.received(), ticket.routed()));
        long totalBefore = total();
        projection.project(poll).block(Duration.ofSeconds(10));
        // what the store holds when the process died between the shard writes and the ticket write
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ticket.ticketId())),
                TicketDocument.class).block(Duration.ofSeconds(5));

        projection.project(poll).block(Duration.ofSeconds(10));

        JsonNode view = get("/api/tickets/" + ticket.ticketId());
        assertThat(view.path("status").asString()).isEqualTo("routed");
        assertThat(view.path("timeline")).hasSize(2);
        assertThat(total()).isEqualTo(totalBefore + 1);
        assertThat(customerTickets(ticket.customerId())).isEqualTo(1);
        assertThat(listed("/api/tickets?limit=100")).containsOnlyOnce(ticket.ticketId());
        assertThat(listed("/api/tickets?status=routed&limit=100")).containsOnlyOnce(ticket.ticketId());
        assertThat(listed("/api/tickets?status=received&limit=100")).doesNotContain(ticket.ticketId());
    }

    @Test
    void listShardKeepsItsMostRecentlyActiveTicketsNewestFirstUpToItsSize() {
        Instant start = Instant.now();
        List<String> newestFirst = new ArrayList<>();
        List<EventEnvelope> firstPoll = new ArrayList<>();
        List<EventEnvelope> secondPoll = new ArrayList<>();
        for (int i = 0; i < SHARD_SIZE + 5; i++) {
            TicketEvents ticket = TicketEvents.fresh(start.plus(Duration.ofMinutes(i)));
            newestFirst.add(0, ticket.ticketId());
            (i % 2 == 0 ? firstPoll : secondPoll).add(ticket.received());
        }

        projection.project(poll(secondPoll, LIST_PARTITION)).block(Duration.ofSeconds(10));
        projection.project(poll(firstPoll, LIST_PARTITION)).block(Duration.ofSeconds(10));

        Document shard = mongo.findById("all#" + LIST_PARTITION, Document.class, "ticket_lists").block(Duration.ofSeconds(5));
        assertThat(shard.getList("tickets", Document.class)).extracting(ticket -> ticket.getString("_id"))
                .containsExactlyElementsOf(newestFirst.subList(0, SHARD_SIZE));
    }

    private List<String> listed(String path) {
        return get(path).findValuesAsString("id");
    }
}
