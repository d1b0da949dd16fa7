package dev.servicedesk.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 (MVStore) backend that commits before a command that changed data replies, so an
 * acknowledged write survives a crash of the server process. Checking for unsaved changes
 * instead of listing write commands also covers index builds, drops and renames; one commit
 * covers every write that concurrent commands made so far.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    CommitOnWriteH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: an ordered bulk write may have applied part of its batch
            if (getMvStore().hasUnsavedChanges()) {
                commit();
            }
        }
    }
}
