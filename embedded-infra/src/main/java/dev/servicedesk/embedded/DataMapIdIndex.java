package dev.servicedesk.embedded;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The unique index on {@code _id}, answered by the collection's own map, whose keys are the
 * documents' ids in the form an index compares them ({@link CopyingH2Collection#idKey}).
 *
 * <p>mongo-java-server's H2 backend keeps a second map from every id to the same id: at 100,000
 * tickets 4.7 % of the live data, and one more page that the commit of every insert writes again.
 */
final class DataMapIdIndex extends AbstractUniqueIndex<Object> {

    static final String NAME = "_id_";

    private final MVMap<Object, Document> documents;

    DataMapIdIndex(MVMap<Object, Document> documents, List<IndexKey> keys) {
        super(NAME, keys, false);
        this.documents = documents;
    }

    /** Whether mongo-java-server asks for the index this class stands in for. */
    static boolean standsFor(String name, List<IndexKey> keys) {
        return NAME.equals(name) && keys.size() == 1 && keys.get(0).getKey().equals("_id");
    }

    @Override
    protected Object getPosition(KeyValue key) {
        Object id = Missing.ofNullable(key.get(0));
        return documents.containsKey(id) ? id : null;
    }

    /** The collection removes the document from its map; the index has nothing of its own to remove. */
    @Override
    protected Object removeDocument(KeyValue key) {
        return getPosition(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return true;
    }

    /**
     * Called once the document is in the map under its id already: the inherited check would find
     * it there and report the insert as a duplicate of itself. {@link #checkAdd} before the insert
     * is what refuses a duplicate.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> documents.keySet().stream()
                .map(id -> Map.entry(new KeyValue(id instanceof Missing ? null : id), id))
                .iterator();
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
