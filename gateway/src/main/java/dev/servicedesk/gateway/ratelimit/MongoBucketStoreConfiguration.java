package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

/**
 * Buckets shared by every gateway replica, in MongoDB ({@code store=mongodb}). The gateway makes its own
 * client for them, closed on shutdown; no Spring Boot Mongo auto-configuration is involved.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "servicedesk.gateway.rate-limit.store", havingValue = "mongodb")
class MongoBucketStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoBucketStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoClient rateLimitMongoClient(RateLimitProperties properties) {
        return MongoBucketCollection.connect(properties.mongodbConnectionString(), properties.storeTimeout());
    }

    @Bean
    AsyncProxyManager<String> rateLimitBuckets(MongoClient rateLimitMongoClient, RateLimitProperties properties) {
        return new MongoBucketProxyManager(MongoBucketCollection.in(rateLimitMongoClient, properties.mongodbConnectionString()),
                RateLimitConfiguration.BUCKET_EXPIRY, properties.storeTimeout()).asAsync();
    }

    /** Batched: concurrent requests of one client to one route take one round trip, not one each. */
    @Bean
    BucketProxies rateLimitBucketProxies(AsyncProxyManager<String> rateLimitBuckets, RateLimitProperties properties) {
        return new BatchingBucketProxies(rateLimitBuckets, properties.maxTrackedClients());
    }

    /**
     * Creates the indexes in the background, retrying until the database answers: the gateway starts and
     * lets requests through while the database is down, as it does when the database fails later.
     */
    @Bean(destroyMethod = "dispose")
    Disposable rateLimitBucketIndexes(MongoClient rateLimitMongoClient, RateLimitProperties properties) {
        return MongoBucketCollection.createIndexes(MongoBucketCollection.in(rateLimitMongoClient, properties.mongodbConnectionString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(retry -> log.warn("Rate limit bucket indexes not created yet, will retry: {}",
                                retry.failure().toString())))
                .subscribe(null,
                        failure -> log.warn("Rate limit bucket indexes not created: {}", failure.toString()),
                        () -> log.info("Rate limit buckets in MongoDB collection {}, indexes in place", MongoBucketCollection.NAME));
    }
}
