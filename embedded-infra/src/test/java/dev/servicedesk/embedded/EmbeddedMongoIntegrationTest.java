package dev.servicedesk.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedMongoIntegrationTest {

    private static final int SINGLE_INSERTS = 2_000;
    private static final int BATCH = 500;
    private static final int INCREMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void fileModeKeepsDataAcrossACleanRestart() {
        Path file = dir.resolve("mongo/desk.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            tickets(client).insertOne(new Document("_id", "T-1"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(tickets(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void fileModeKeepsAcknowledgedWritesWhenTheServerProcessIsKilled() throws Exception {
        Path file = dir.resolve("desk.mv.db");
        Path portFile = dir.resolve("port");
        Path childLog = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                MongoOnFileMain.class.getName(), file.toString(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(portFile) || !child.isAlive());
            assertThat(child.isAlive()).as(() -> "child JVM died:\n" + contentOf(childLog)).isTrue();
            String uri = "mongodb://127.0.0.1:" + Files.readString(portFile).trim();

            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> tickets = tickets(client);
                for (int i = 0; i < SINGLE_INSERTS; i++) {
                    tickets.insertOne(new Document("_id", "single-" + i).append("body", "x".repeat(200)));
                }
                tickets.insertMany(batch());
                tickets.insertOne(new Document("_id", "counter").append("n", 0));
                for (int i = 0; i < INCREMENTS; i++) {
                    tickets.updateOne(eq("_id", "counter"), inc("n", 1));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            assertThat(tickets.countDocuments()).isEqualTo(SINGLE_INSERTS + BATCH + 1);
            assertThat(tickets.find(eq("_id", "counter")).first()).containsEntry("n", INCREMENTS);
        }
    }

    private static List<Document> batch() {
        List<Document> documents = new ArrayList<>();
        IntStream.range(0, BATCH).forEach(i -> documents.add(new Document("_id", "batch-" + i)));
        return documents;
    }

    private static MongoCollection<Document> tickets(MongoClient client) {
        return client.getDatabase("desk").getCollection("tickets");
    }

    private static String contentOf(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
