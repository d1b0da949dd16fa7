package dev.servicedesk.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedMongoIntegrationTest {

    private static final int SINGLE_INSERTS = 2_000;
    private static final int BATCH = 500;
    /** Enough to run past the retention time, so that the store reuses freed space while the writes go on. */
    private static final int INCREMENTS = 3_000;
    private static final int WRITERS = 3;

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
    void fileModeStoresEveryBsonTypeAndKeepsUniqueIndexesAcrossARestart() {
        Path file = dir.resolve("types.mv.db");
        Document stored = new Document("_id", "T-1")
                .append("text", "燃气泄漏 gas leak")
                .append("int", 7).append("long", 1L << 40).append("double", 2.5)
                .append("flag", true).append("nothing", null)
                .append("at", new Date(1_700_000_000_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("tags", List.of("vip", 3, new Document("nested", List.of())))
                .append("customer", new Document("name", "王芳").append("phones", List.of("13800000000")));
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            tickets.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            tickets.insertOne(stored);
            tickets.insertMany(IntStream.range(0, 2_000)
                    .mapToObj(i -> new Document("_id", "bulk-" + i).append("version", i % 3)).toList());
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> tickets = tickets(client);
            assertThat(tickets.find(eq("_id", "T-1")).first()).isEqualTo(stored);
            assertThat(tickets.find(and(eq("_id", "bulk-1999"), eq("version", 1))).first()).isNotNull();
            assertThat(tickets.countDocuments()).isEqualTo(2_001);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "bulk-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void fileWrittenInTheOlderEncodingIsRefusedWithAnExplanation() {
        Path file = dir.resolve("old.mv.db");
        MongoServer older = new MongoServer(new H2Backend(file.toString()));
        older.bind("127.0.0.1", 0);
        InetSocketAddress address = older.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            tickets(client).insertOne(new Document("_id", "T-1"));
        } finally {
            older.shutdownNow();
        }
        for (int start = 0; start < 2; start++) {
            assertThatThrownBy(() -> EmbeddedMongo.onFile(file, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("older encoding");
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
                tickets.insertOne(new Document("_id", "counter").append("n", 0));
                // several clients at once, as the services write: their commands share commits
                inParallel(WRITERS, writer -> {
                    for (int i = writer; i < SINGLE_INSERTS; i += WRITERS) {
                        tickets.insertOne(new Document("_id", "single-" + i).append("body", "x".repeat(200)));
                    }
                });
                tickets.insertMany(batch());
                inParallel(WRITERS, writer -> {
                    for (int i = writer; i < INCREMENTS; i += WRITERS) {
                        tickets.updateOne(eq("_id", "counter"), inc("n", 1));
                    }
                });
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

    private static void inParallel(int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int writer = thread;
                done.add(pool.submit(() -> work.accept(writer)));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
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
