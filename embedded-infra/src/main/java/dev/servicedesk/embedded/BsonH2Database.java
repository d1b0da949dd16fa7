package dev.servicedesk.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the H2 store whose maps hold BSON documents and BSON index keys
 * ({@link BsonDocumentType}, {@link IndexKeyType}) instead of Java-serialized objects. The map
 * names follow mongo-java-server's H2 backend, so it finds the databases again on restart; the
 * encoding differs, so a store file written by its default types cannot be read by this one.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new CopyingH2Collection(this, collectionName, options, dataMap(fullName), metaMap(fullName), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String mapName = indexMapName(collectionName, indexName);
        // Collections created by earlier versions kept their id index in a map of its own and go on using it.
        if (DataMapIdIndex.standsFor(indexName, keys) && !store.hasMap(mapName)) {
            return new DataMapIdIndex(dataMap(getFullCollectionNamespace(collectionName)), keys);
        }
        MVMap<KeyValue, Object> positions = store.openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        return new BsonUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        store.removeMap(dataMap(fullName));
        store.removeMap(metaMap(fullName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(DATA_PREFIX + databaseName + ".")
                        || name.startsWith(META_PREFIX + databaseName + "."))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(dataMap(oldName), DATA_PREFIX + newName);
        store.renameMap(metaMap(oldName), META_PREFIX + newName);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    private MVMap<Object, Document> dataMap(String fullName) {
        return store.openMap(DATA_PREFIX + fullName, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private MVMap<String, Object> metaMap(String fullName) {
        return store.openMap(META_PREFIX + fullName);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
