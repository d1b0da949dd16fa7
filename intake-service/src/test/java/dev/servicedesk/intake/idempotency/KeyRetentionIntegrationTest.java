package dev.servicedesk.intake.idempotency;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test on a database of its own, so that the days it stores meet no other test's keys. */
class KeyRetentionIntegrationTest extends IntakeIntegrationSupport {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Autowired
    MongoClient client;

    ReactiveMongoTemplate mongo;
    KeyRetention retention;

    @BeforeEach
    void ownDatabase() {
        mongo = new ReactiveMongoTemplate(client, "key-retention-" + UUID.randomUUID());
        retention = new KeyRetention(mongo, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
    }

    @Test
    void forgetsTheKeysOfDaysBeforeYesterdayAndKeepsYesterdaysAndTodays() {
        for (int daysAgo = 0; daysAgo <= 3; daysAgo++) {
            storeKey(KeyDays.collection(TODAY.minusDays(daysAgo)));
        }
        storeKey("tickets");

        assertThat(retention.sweep().block()).containsExactlyInAnyOrder(
                KeyDays.collection(TODAY.minusDays(2)), KeyDays.collection(TODAY.minusDays(3)));

        assertThat(mongo.getCollectionNames().collectList().block()).containsExactlyInAnyOrder(
                KeyDays.collection(TODAY), KeyDays.collection(TODAY.minusDays(1)), "tickets");
    }

    @Test
    void keysStoredBeforeKeysWereKeptPerDayAreHonouredAsYesterdays() {
        storeKey(KeyDays.UNDATED);

        retention.sweep().block();

        assertThat(mongo.getCollectionNames().collectList().block()).containsExactly(KeyDays.collection(TODAY.minusDays(1)));
        assertThat(mongo.findById("register:k", Document.class, KeyDays.collection(TODAY.minusDays(1))).block()).isNotNull();
    }

    private void storeKey(String collection) {
        mongo.insert(new Document("_id", "register:k").append("at", NOW), collection).block();
    }
}
