package dev.servicedesk.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * H2 (MVStore) backend that commits before a command that may have changed data replies, so an
 * acknowledged write survives a crash (kill -9) of the server process.
 *
 * <p>Commits are shared (group commit): a command's changes belong to the store's current version;
 * it waits until a commit has stored that version, and the first waiter to find none under way
 * makes it. Commands that wrote while a commit was running are all stored by the next one, so
 * concurrent writers cost one commit together instead of one each, which is what bounds the
 * embedded store's write rate. Every command but the known reads is treated as a write, so index
 * builds, drops and renames are covered too.
 *
 * <p>Documents and index keys are stored as BSON ({@link BsonH2Database}).
 */
final class CommitOnWriteH2Backend extends H2Backend {

    private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate", "distinct",
            "listcollections", "listindexes", "listdatabases", "ping", "buildinfo", "hello", "ismaster",
            "endsessions", "killcursors", "serverstatus", "getlasterror", "collstats", "dbstats", "getparameter",
            "whatsmyuri", "getlog", "hostinfo", "getcmdlineopts", "connectionstatus");

    private final Object commitLock = new Object();
    /** Every version up to this one is in the file (written, not necessarily flushed to the disk). */
    private volatile long storedUpTo = -1;

    CommitOnWriteH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (getMvStore().isClosed()) {
            // H2 closes the store when its writer threads fail. Refusing every command, ping included,
            // makes the services' readiness report the database down, as a real server that lost its
            // storage would, instead of answering pings while every read and write fails.
            throw new MongoServerException("the database's store is closed; restart the database");
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: an ordered bulk write may have applied part of its batch
            if (!READS.contains(command.toLowerCase(Locale.ROOT))) {
                commitUpTo(getMvStore().getCurrentVersion());
            }
        }
    }

    private void commitUpTo(long version) {
        if (storedUpTo >= version) {
            return;
        }
        synchronized (commitLock) {
            if (storedUpTo >= version) {
                return; // a commit that started after this command's write stored it
            }
            MVStore store = getMvStore();
            // Stores what was written, unless H2's background writer (or a writer past H2's memory
            // threshold) has just taken it into a store of its own, which writes asynchronously.
            store.commit();
            if (store.getFileStore() == null) {
                return; // a store kept in memory has no file to wait for
            }
            // Under the store's lock no store is half begun; once its writer threads are done, every
            // version before the current one is in the file. Only that may be recorded: a commit that
            // found nothing to store leaves the current version open to writes that come after it.
            store.executeFilestoreOperation(() -> storedUpTo = store.getCurrentVersion() - 1);
        }
    }
}
