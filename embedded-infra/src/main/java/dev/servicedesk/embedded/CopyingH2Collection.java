package dev.servicedesk.embedded;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, handing out copies of the documents it stores, never the
 * stored objects themselves.
 *
 * <p>An update changes the document a query handed it in place, then stores it again. When that
 * object is the stored one, it is also held by the page of an earlier version, which H2 may be
 * writing to the file on its serialization thread at that moment: the write failed with a
 * {@code ConcurrentModificationException}, and H2 then closed the store, so every later command
 * failed until a restart. A copy leaves the stored object as it was written.
 *
 * <p>Documents are keyed by their ids in the form an index compares them ({@link #idKey}), so that
 * the map answers for the unique index on {@code _id} too ({@link DataMapIdIndex}).
 */
final class CopyingH2Collection extends H2Collection {

    private final MVMap<Object, Document> documents;

    CopyingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
    }

    /**
     * An id as an index compares it: MongoDB holds {@code 1} and {@code 1.0} to be one id. Strings,
     * binary ids and object ids are their own key, so a map written before ids were keyed this way
     * holds the same keys for them.
     */
    static Object idKey(Object id) {
        return Missing.ofNullable(new KeyValue(Collections.singletonList(id)).normalized().get(0));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        if (getIdField() == null) {
            return super.addDocumentInternal(document); // system collections, keyed at random
        }
        Object key = idKey(Utils.getSubdocumentValue(document, getIdField()));
        Document previous = documents.putIfAbsent(key, document);
        if (previous != null) {
            // the id index refuses a duplicate before the insert comes here; a document replaced unseen would be lost
            throw new IllegalStateException("a document with the id " + key + " is already in " + this);
        }
        return key;
    }

    /** Every query, update, delete and aggregation takes its documents from here. */
    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        return super.createQueryResult(matchedDocuments.stream().map(Document::cloneDeeply).collect(Collectors.toList()), batchSize);
    }
}
