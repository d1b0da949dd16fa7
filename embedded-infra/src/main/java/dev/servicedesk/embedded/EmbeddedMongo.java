package dev.servicedesk.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server speaking the MongoDB wire protocol on 127.0.0.1, without credentials.
 *
 * <p>File mode commits the H2 store before replying to every command that may have changed data
 * (writers running at the same time share one commit), so an
 * acknowledged write survives a crash (kill -9) of the server process. Measured on 2 shared cores
 * with 1 KB documents, this cost 5-15% of insert throughput on a quiet machine (2-4x on a busy disk).
 * Commits are not flushed to the disk one by one: the file is flushed every second
 * ({@link PeriodicSync}), within the 2 s that superseded chunks are kept before their space is
 * reused, which is what H2 assumes of the disk to recover after an operating-system crash.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration SYNC_EVERY = Duration.ofSeconds(1);

    private final MongoServer server;
    private final int port;
    /** null in memory */
    private final PeriodicSync sync;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, int port, PeriodicSync sync) {
        this.server = server;
        this.port = port;
        this.sync = sync;
    }

    /** A throw-away database on a free port. */
    public static EmbeddedMongo inMemory() {
        return inMemory(0);
    }

    /** A throw-away database on the given port, or a free one for 0. */
    public static EmbeddedMongo inMemory(int port) {
        return start(new MemoryBackend(), port, null);
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
        MVStore store = H2StoreFile.open(h2File);
        StoreFormat.check(store, h2File);
        PeriodicSync sync = new PeriodicSync(store, SYNC_EVERY);
        try {
            return start(new CommitOnWriteH2Backend(store), port, sync);
        } catch (RuntimeException failure) {
            sync.close();
            throw failure;
        }
    }

    private static EmbeddedMongo start(MongoBackend backend, int port, PeriodicSync sync) {
        QuietLogging.warnOnly("de.bwaldvogel.mongo");
        MongoServer server = new MongoServer(backend);
        server.bind(HOST, port); // on failure it closes the backend, releasing the H2 file lock
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, address.getPort(), sync);
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
            if (sync != null) {
                sync.close(); // before the store closes
            }
            server.shutdownNow();
        }
    }
}
