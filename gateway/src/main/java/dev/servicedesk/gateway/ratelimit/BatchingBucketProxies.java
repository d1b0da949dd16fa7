package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * One proxy per bucket key, reused, with Bucket4j's batching, for a store that is a round trip away:
 * requests for a bucket that arrive while its round trip is under way wait for it and then go together
 * in one read and one compare-and-swap, instead of each reading the bucket and losing its write to the
 * others. The batching state lives in the proxy, hence the cache.
 */
final class BatchingBucketProxies implements BucketProxies {

    /** An idle client's proxy holds nothing the store lacks; it is dropped, and rebuilt if needed. */
    static final Duration IDLE_EXPIRY = Duration.ofMinutes(1);

    private final AsyncProxyManager<String> buckets;
    private final Cache<String, AsyncBucketProxy> proxies;

    BatchingBucketProxies(AsyncProxyManager<String> buckets, long maxTrackedClients) {
        this.buckets = buckets;
        this.proxies = Caffeine.newBuilder().maximumSize(maxTrackedClients).expireAfterAccess(IDLE_EXPIRY).build();
    }

    @Override
    public AsyncBucketProxy forKey(String key, Supplier<CompletableFuture<BucketConfiguration>> configuration) {
        // A proxy dropped while its batch is under way still finishes it; only the batching is lost.
        return proxies.get(key, newKey -> buckets.builder().withOptimization(Optimizations.batching()).build(newKey, configuration));
    }
}
