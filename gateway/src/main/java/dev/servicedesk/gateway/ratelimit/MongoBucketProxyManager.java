package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Mono;

/**
 * Bucket4j buckets in MongoDB, one document per bucket key, changed by compare-and-swap on a version
 * number: Bucket4j reads the state, applies the request on this replica, and writes back only if no
 * other replica wrote in between, else it reads again. Asynchronous only: the gateway never blocks
 * a request thread on the database. Documents are {@link MongoBucketCollection}'s.
 */
final class MongoBucketProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final MongoCollection<Document> buckets;
    private final ExpirationAfterWriteStrategy expiration;

    /**
     * @param timeout bounds one request's reads and writes, retries included, so that contention on a
     *                busy bucket cannot keep a request waiting
     */
    MongoBucketProxyManager(MongoCollection<Document> buckets, ExpirationAfterWriteStrategy expiration, Duration timeout) {
        // Bucket4j's default client clock here is the wall clock, which every replica reads alike.
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiration).withRequestTimeout(timeout));
        this.buckets = buckets;
        this.expiration = expiration;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new VersionedWrite(key);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("MongoDB buckets are used through asAsync() only");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return Mono.from(buckets.deleteOne(Filters.eq(MongoBucketCollection.ID, key))).then().toFuture();
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("MongoDB buckets are used through asAsync() only");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /** One request's read-modify-write of one bucket; Bucket4j calls it in sequence, never concurrently. */
    private final class VersionedWrite implements AsyncCompareAndSwapOperation {

        private final String key;
        /** The version of the state last read, which the write expects to find unchanged. */
        private volatile long readVersion;

        VersionedWrite(String key) {
            this.key = key;
        }

        @Override
        public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
            return Mono.from(buckets.find(Filters.eq(MongoBucketCollection.ID, key))
                            .projection(Projections.include(MongoBucketCollection.STATE, MongoBucketCollection.VERSION))
                            .first())
                    .map(bucket -> {
                        readVersion = bucket.getLong(MongoBucketCollection.VERSION);
                        return Optional.of(bucket.get(MongoBucketCollection.STATE, Binary.class).getData());
                    })
                    .defaultIfEmpty(Optional.empty())
                    .toFuture();
        }

        @Override
        public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                                         Optional<Long> timeoutNanos) {
            Date expireAt = expireAt(newState);
            if (originalData == null) {
                // A new bucket: if another replica inserted it first, the duplicate key means this write lost.
                Document bucket = new Document(MongoBucketCollection.ID, key)
                        .append(MongoBucketCollection.STATE, new Binary(newData))
                        .append(MongoBucketCollection.VERSION, 0L)
                        .append(MongoBucketCollection.EXPIRE_AT, expireAt);
                return Mono.from(buckets.insertOne(bucket))
                        .thenReturn(true)
                        .onErrorResume(MongoBucketProxyManager::isDuplicateKey, duplicate -> Mono.just(false))
                        .toFuture();
            }
            // A plain document filter on both fields, not Filters.and (rendered as $and), so that it matches
            // the unique {_id, version} index as written.
            Document unchangedSinceRead = new Document(MongoBucketCollection.ID, key)
                    .append(MongoBucketCollection.VERSION, readVersion);
            return Mono.from(buckets.updateOne(unchangedSinceRead, Updates.combine(
                            Updates.set(MongoBucketCollection.STATE, new Binary(newData)),
                            Updates.set(MongoBucketCollection.EXPIRE_AT, expireAt),
                            Updates.inc(MongoBucketCollection.VERSION, 1L))))
                    .map(result -> result.getMatchedCount() == 1)
                    .toFuture();
        }

        private Date expireAt(RemoteBucketState state) {
            long nowNanos = currentTimeNanos();
            return new Date(TimeUnit.NANOSECONDS.toMillis(nowNanos) + expiration.calculateTimeToLiveMillis(state, nowNanos));
        }
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
