package dev.servicedesk.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server speaking the MongoDB wire protocol on 127.0.0.1, without credentials.
 *
 * <p>File mode commits the H2 store before replying to every command that may have changed data
 * (writers running at the same time share one commit), so an
 * acknowledged write survives a crash (kill -9) of the server process; like Kafka's default it does
 * not fsync, so an operating-system crash can still lose recent writes. Measured on 2 shared cores
 * with 1 KB documents, this cost 5-15% of insert throughput on a quiet machine (2-4x on a busy disk).
 * Pages are compressed, and superseded chunks are kept only 5 s before their space is reused.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";
    private static final int RETENTION_MILLIS = 5_000;
    private static final int CACHE_MEGABYTES = 256;

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A throw-away database on a free port. */
    public static EmbeddedMongo inMemory() {
        return inMemory(0);
    }

    /** A throw-away database on the given port, or a free one for 0. */
    public static EmbeddedMongo inMemory(int port) {
        return start(new MemoryBackend(), port);
    }

    /**
     * A database kept in an H2 file that survives restarts and process crashes.
     *
     * @param port the port to listen on, or 0 for a free one
     */
    public static EmbeddedMongo onFile(Path h2File, int port) {
        try {
            Path parent = h2File.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(h2File.toAbsolutePath().toString())
                // every commit rewrites the touched leaf pages: small pages keep each commit small
                .pageSplitSize(4 * 1024)
                // documents repeat their field names and much of their text: LZF roughly halves them on disk
                .compress()
                // pages read back from the file are decoded again: a cache that holds the hot read models
                // keeps lookups from decoding whole pages as the store grows (H2's default is 16 MB)
                .cacheSize(CACHE_MEGABYTES)
                // H2's writer threads report a failure only to this handler; without it the reason is lost
                .backgroundExceptionHandler((thread, failure) -> LOG.error("H2 store failed in {}", thread.getName(), failure))
                .open();
        // Superseded chunks stay readable this long before their space is reused. The backend commits
        // before acknowledging and a killed process loses nothing the kernel holds, so a short time
        // is enough; H2's default (45 s) makes a busy store's file many times its data.
        store.setRetentionTime(RETENTION_MILLIS);
        StoreFormat.check(store, h2File);
        return start(new CommitOnWriteH2Backend(store), port);
    }

    private static EmbeddedMongo start(MongoBackend backend, int port) {
        QuietLogging.warnOnly("de.bwaldvogel.mongo");
        MongoServer server = new MongoServer(backend);
        server.bind(HOST, port); // on failure it closes the backend, releasing the H2 file lock
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, address.getPort());
    }

    /** For example {@code mongodb://127.0.0.1:27017}: no database, no credentials. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Disconnects clients, stops listening and closes (commits) the backend. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdownNow();
        }
    }
}
