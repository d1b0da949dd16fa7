package dev.servicedesk.intake.idempotency;

import com.mongodb.client.model.Filters;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.springframework.http.HttpHeaders;
import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIntegrationTest extends IntakeIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Clock clock;

    @Test
    void retryWithSameKeyAndBodyReturnsSameTicketAndRepublishesTheSameEvent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = form("快递三天没动 parcel stuck for three days");

        JsonNode first = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody());
        JsonNode second = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody());

        String ticketId = first.get("ticketId").asString();
        assertThat(second.get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(second.get("receivedAt").asString()).isEqualTo(first.get("receivedAt").asString());
        List<EventEnvelope> events = eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(ticketId), 2).get(ticketId);
        assertThat(events).extracting(EventEnvelope::eventId).hasSize(2).containsOnly(events.get(0).eventId());
        JsonNode record = awaitMarkerBehind(ticketId);
        assertThat(record.get("state").asString()).isEqualTo("received");
        assertThat(record.get("history").findValuesAsString("type")).as("the repeat changed nothing")
                .containsExactly("TicketReceived", "CustomerContacted");
        assertThat(record.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void keyClaimedYesterdayIsStillHonouredToday() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = form("昨天提交过一次 sent once yesterday");
        String ticketId = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody()).get("ticketId").asString();
        // as if the first request had come yesterday: its claim moves to yesterday's keys
        LocalDate today = KeyDays.dayOf(clock.instant());
        Query claim = Query.query(Criteria.where("_id").is("register:" + key));
        IdempotencyRecord record = mongo.findAndRemove(claim, IdempotencyRecord.class, KeyDays.collection(today)).block();
        assertThat(record).isNotNull();
        mongo.insert(record, KeyDays.collection(today.minusDays(1))).block();

        JsonNode retry = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody());

        assertThat(retry.get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(mongo.exists(claim, IdempotencyRecord.class, KeyDays.collection(today)).block())
                .as("the retry claimed nothing new").isFalse();
    }

    @Test
    void racingIdenticalRequestsAllGetTheOneTicket() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = form("同时提交了八次 submitted eight times at once");
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN)).build();

        List<String> ticketIds = Flux.range(0, 8)
                .flatMap(i -> client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).bodyValue(form)
                        .retrieve().bodyToMono(JsonNode.class)
                        .map(body -> body.get("ticketId").asString())
                        .subscribeOn(Schedulers.parallel()), 8)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(Set.copyOf(ticketIds)).hasSize(1);
        String ticketId = ticketIds.get(0);
        List<EventEnvelope> events = eventsOf(bootstrapServers(), Topics.TICKET_EVENTS, List.of(ticketId), 8).get(ticketId);
        assertThat(events.stream().map(EventEnvelope::eventId).collect(Collectors.toSet())).hasSize(1);
        JsonNode record = awaitMarkerBehind(ticketId);
        assertThat(record.get("history").findValuesAsString("type")).as("seven repeats changed nothing")
                .containsExactly("TicketReceived", "CustomerContacted");
        assertThat(record.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void sameKeyWithDifferentBodyIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        String ticketId = json(post("/api/tickets", form("first body"), key).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody()).get("ticketId").asString();

        JsonNode problem = json(post("/api/tickets", form("a different body"), key)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());

        assertThat(problem.get("ticketId").asString()).isEqualTo(ticketId);
    }

    @Test
    void fingerprintIsStoredAsTheThirtyTwoBytesOfItsDigest() {
        String key = UUID.randomUUID().toString();
        String today = KeyDays.collection(KeyDays.dayOf(clock.instant()));
        post("/api/tickets", form("指纹按字节保存 fingerprint kept as bytes"), key).expectStatus().isAccepted();

        BsonValue fingerprint = storedClaim("register:" + key, today).get("fingerprint");

        assertThat(fingerprint.isBinary()).as("stored as %s", fingerprint.getBsonType()).isTrue();
        assertThat(fingerprint.asBinary().getType()).isEqualTo(BsonBinarySubType.BINARY.getValue());
        assertThat(fingerprint.asBinary().getData()).hasSize(32);
    }

    @Test
    void retryMatchesAKeyStoredWithAHexFingerprintBeforeItWasBinary() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = form("旧版本存的密钥 key stored by an earlier version");
        String ticketId = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody()).get("ticketId").asString();
        storeFingerprintAsHex("register:" + key);

        JsonNode retry = json(post("/api/tickets", form, key).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody());

        assertThat(retry.get("ticketId").asString()).isEqualTo(ticketId);
    }

    @Test
    void otherBodyIsRefusedUnderAKeyStoredWithAHexFingerprintBeforeItWasBinary() {
        String key = UUID.randomUUID().toString();
        String ticketId = json(post("/api/tickets", form("first body, stored the old way"), key).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody()).get("ticketId").asString();
        storeFingerprintAsHex("register:" + key);

        JsonNode problem = json(post("/api/tickets", form("a different body"), key)
                .expectStatus().isEqualTo(422)
                .expectBody().returnResult().getResponseBody());

        assertThat(problem.get("ticketId").asString()).isEqualTo(ticketId);
    }

    @Test
    void withoutKeyEveryRequestIsANewTicket() {
        Map<String, Object> form = form("same words twice");

        assertThat(register(form)).isNotEqualTo(register(form));
    }

    @Test
    void malformedKeyIsABadRequest() {
        post("/api/tickets", form("key with spaces"), "has spaces in it").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    private BsonDocument storedClaim(String id, String collection) {
        return mongo.getCollection(collection)
                .flatMap(keys -> Mono.from(keys.find(Filters.eq("_id", id), BsonDocument.class).first()))
                .block(Duration.ofSeconds(5));
    }

    /** Rewrites today's claim as earlier versions stored it: the fingerprint as 64 hex digits. */
    private void storeFingerprintAsHex(String id) {
        String today = KeyDays.collection(KeyDays.dayOf(clock.instant()));
        BsonDocument claim = storedClaim(id, today);
        claim.put("fingerprint", new BsonString(HexFormat.of().formatHex(claim.getBinary("fingerprint").getData())));
        mongo.getCollection(today)
                .flatMap(keys -> Mono.from(keys.withDocumentClass(BsonDocument.class).replaceOne(Filters.eq("_id", id), claim)))
                .block(Duration.ofSeconds(5));
        assertThat(storedClaim(id, today).get("fingerprint").isString()).isTrue();
    }
}
