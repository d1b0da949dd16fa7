package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code rate-limit-buckets} collection of the database named in the store's URI, one document per
 * bucket: {@code {_id: key, state: <Bucket4j state>, version: <long>, expireAt: <date>}}.
 */
final class MongoBucketCollection {

    static final String NAME = "rate-limit-buckets";
    static final String ID = "_id";
    static final String STATE = "state";
    static final String VERSION = "version";
    static final String EXPIRE_AT = "expireAt";

    private MongoBucketCollection() {
    }

    /**
     * A client whose every step (choosing a server, connecting, waiting for a pooled connection, reading
     * an answer) gives up after {@code timeout}, so that calls abandoned by a waiting request do not pile
     * up while the database is down or hung. These override the same options in the URI.
     */
    static MongoClient connect(ConnectionString uri, Duration timeout) {
        long millis = timeout.toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(millis, TimeUnit.MILLISECONDS))
                .build());
    }

    static MongoCollection<Document> in(MongoClient client, ConnectionString uri) {
        return client.getDatabase(uri.getDatabase()).getCollection(NAME);
    }

    /**
     * The unique {@code {_id, version}} index makes the compare-and-swap update a key lookup on
     * mongo-java-server too, which uses the {@code _id} index only for a filter on {@code _id} alone; it
     * can never reject a write, since {@code _id} is unique by itself. The TTL index lets MongoDB drop
     * buckets that have been full for a while (mongo-java-server keeps them). Creating existing indexes
     * again changes nothing.
     */
    static Mono<Void> createIndexes(MongoCollection<Document> buckets) {
        return Flux.from(buckets.createIndexes(List.of(
                        new IndexModel(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true)),
                        new IndexModel(Indexes.ascending(EXPIRE_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)))))
                .then();
    }
}
