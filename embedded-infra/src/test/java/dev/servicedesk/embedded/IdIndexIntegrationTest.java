package dev.servicedesk.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IdIndexIntegrationTest {

    private static final String ID_INDEX_MAP = "desk.tickets._index__id_";

    @TempDir
    Path dir;

    @Test
    void theDocumentsMapAnswersForTheIdIndexSoTheFileHoldsNoSecondMapOfIds() {
        Path file = dir.resolve("ids.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            tickets(client).insertMany(IntStream.range(0, 300).mapToObj(i -> new Document("_id", "T-" + i).append("n", i)).toList());
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.getMapNames()).contains(BsonH2Database.DATA_PREFIX + "desk.tickets").doesNotContain(ID_INDEX_MAP);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            assertThat(tickets.find(eq("_id", "T-42")).first()).containsEntry("n", 42);
            assertThat(ids(tickets.find(in("_id", "T-7", "T-8", "T-none")))).containsExactlyInAnyOrder("T-7", "T-8");
            assertThat(ids(tickets.find(regex("_id", "^T-29\\d$")))).hasSize(10);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "T-42")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");

            assertThat(tickets.updateOne(eq("_id", "T-42"), Updates.set("n", -1)).getModifiedCount()).isEqualTo(1);
            assertThat(tickets.deleteOne(eq("_id", "T-43")).getDeletedCount()).isEqualTo(1);
            assertThat(tickets.find(eq("_id", "T-43")).first()).isNull();
            tickets.insertOne(new Document("_id", "T-43").append("n", 430)); // its id is free again
            assertThat(tickets.find(eq("_id", "T-42")).first()).containsEntry("n", -1);
            assertThat(tickets.find(eq("_id", "T-43")).first()).containsEntry("n", 430);
            assertThat(tickets.countDocuments()).isEqualTo(300);
        }
    }

    @Test
    void idsThatMongoDbHoldsEqualAreOneIdWhateverTheirNumberType() {
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(dir.resolve("numbers.mv.db"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            tickets.insertOne(new Document("_id", 1).append("kind", "int"));
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", 1.0)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.find(eq("_id", 1L)).first()).containsEntry("kind", "int");
            assertThat(tickets.deleteOne(eq("_id", 1.0)).getDeletedCount()).isEqualTo(1);
            assertThat(tickets.countDocuments()).isZero();
        }
    }

    @Test
    void aCollectionWhoseIdIndexHasAMapOfItsOwnFromAnEarlierVersionGoesOnUsingIt() {
        Path file = dir.resolve("earlier.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            store.openMap(ID_INDEX_MAP, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            tickets.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "T-" + i)).toList());
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "T-3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.deleteOne(eq("_id", "T-4")).getDeletedCount()).isEqualTo(1);
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<KeyValue, Object> ids = store.openMap(ID_INDEX_MAP, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
            assertThat(ids.sizeAsLong()).isEqualTo(49);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(tickets(client).find(eq("_id", "T-49")).first()).isNotNull();
            assertThat(tickets(client).find(eq("_id", "T-4")).first()).isNull();
        }
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static MongoCollection<Document> tickets(MongoClient client) {
        return client.getDatabase("desk").getCollection("tickets");
    }
}
