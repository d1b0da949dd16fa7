package dev.servicedesk.embedded;

import java.util.List;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
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
 */
final class CopyingH2Collection extends H2Collection {

    CopyingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** Every query, update, delete and aggregation takes its documents from here. */
    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        return super.createQueryResult(matchedDocuments.stream().map(Document::cloneDeeply).collect(Collectors.toList()), batchSize);
    }
}
