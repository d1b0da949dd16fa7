package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The objects the store holds are never changed after they were stored: H2 may be writing an earlier
 * version's page, which holds the same object, to the file on another thread. And a store H2 closed
 * is reported, not hidden behind answered pings.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class StoredDocumentsTest {

    private MVStore store;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> tickets;
    private MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored;

    @BeforeEach
    void start() {
        store = new MVStore.Builder().open(); // in memory: what matters here are the objects in the map
        server = new MongoServer(new CommitOnWriteH2Backend(store));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        tickets = client.getDatabase("desk").getCollection("tickets");
        tickets.insertOne(new Document("_id", "T-1").append("status", "received")
                .append("customer", new Document("name", "王芳"))
                .append("timeline", List.of(new Document("type", "TicketReceived"))));
        stored = store.openMap(BsonH2Database.DATA_PREFIX + "desk.tickets",
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUpdateStoresANewDocumentAndLeavesTheStoredOneAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored.get("T-1");
        de.bwaldvogel.mongo.bson.Document asStored = before.cloneDeeply();

        tickets.updateOne(Filters.eq("_id", "T-1"), Updates.combine(Updates.set("status", "closed"),
                Updates.set("customer.name", "王娜"), Updates.push("timeline", new Document("type", "TicketClosed"))));

        assertThat(before).isEqualTo(asStored);
        assertThat(stored.get("T-1")).isNotSameAs(before).containsEntry("status", "closed");
        assertThat(tickets.find(Filters.eq("_id", "T-1")).first()).containsEntry("status", "closed");
    }

    @Test
    void aFindAndModifyLeavesTheStoredDocumentAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored.get("T-1");
        de.bwaldvogel.mongo.bson.Document asStored = before.cloneDeeply();

        Document after = tickets.findOneAndUpdate(Filters.eq("_id", "T-1"), Updates.set("status", "in-progress"),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

        assertThat(after).containsEntry("status", "in-progress");
        assertThat(before).isEqualTo(asStored);
    }

    @Test
    void aClosedStoreRefusesEveryCommandPingIncludedSoReadinessSeesIt() {
        store.closeImmediately(); // what H2 does when its writer threads fail

        assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)))
                .isInstanceOf(MongoCommandException.class).hasMessageContaining("store is closed");
        assertThatThrownBy(() -> tickets.find(Filters.eq("_id", "T-1")).first())
                .isInstanceOf(MongoCommandException.class).hasMessageContaining("store is closed");
    }

    @Test
    void anUpdateOfDocumentsFoundByAScanLeavesTheStoredOnesAsTheyWere() {
        de.bwaldvogel.mongo.bson.Document before = stored.get("T-1");

        tickets.updateMany(Filters.eq("status", "received"), Updates.set("status", "closed")); // not by _id: a scan

        assertThat(before).containsEntry("status", "received");
        assertThat(stored.get("T-1")).containsEntry("status", "closed");
    }
}
