package dev.servicedesk.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;

/** Where the limiter gets the proxy of the bucket it is about to take a token from. */
@FunctionalInterface
interface BucketProxies {

    AsyncBucketProxy forKey(String key, Supplier<CompletableFuture<BucketConfiguration>> configuration);

    /**
     * A new proxy for every request: the memory store's, which answers at once, so no two requests
     * are ever waiting for the same bucket and there is nothing to batch.
     */
    static BucketProxies perRequest(AsyncProxyManager<String> buckets) {
        return (key, configuration) -> buckets.builder().build(key, configuration);
    }
}
