package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class EmbeddedMongoTest {

    @Test
    void listensOnLoopbackOnly() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            LoopbackOnly.assertListensOnLoopbackOnly(mongo.port());
        }
    }

    @Test
    void inMemoryServerSpeaksToTheDriver() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {

            MongoCollection<Document> tickets = client.getDatabase("desk").getCollection("tickets");
            tickets.insertOne(new Document("_id", "T-1").append("status", "OPEN"));

            assertThat(tickets.find(new Document("status", "OPEN")).first()).containsEntry("_id", "T-1");
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1))).containsEntry("ok", 1.0);
        }
    }
}
