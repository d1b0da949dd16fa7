package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The bucket store that switches on the gateway's {@code Bucket4jRateLimiter}, and the key resolver that
 * the {@code RequestRateLimiter} filter uses (referenced as {@code #{@clientAndRouteKeyResolver}}). The
 * store is this gateway's memory unless {@code store=mongodb} ({@link MongoBucketStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** A full bucket is dropped this long after it last changed; it would be recreated full anyway. */
    static final ExpirationAfterWriteStrategy BUCKET_EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    @Bean
    @ConditionalOnProperty(name = "servicedesk.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    AsyncProxyManager<String> rateLimitBuckets(RateLimitProperties properties) {
        // Expiry comes from Bucket4j's strategy; adding expireAfterAccess to the Caffeine builder would clash with it.
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(properties.maxTrackedClients()))
                .expirationAfterWrite(BUCKET_EXPIRY)
                .build()
                .asAsync();
    }

    @Bean
    @ConditionalOnProperty(name = "servicedesk.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    BucketProxies rateLimitBucketProxies(AsyncProxyManager<String> rateLimitBuckets) {
        return BucketProxies.perRequest(rateLimitBuckets);
    }

    /** Primary over the gateway's own Bucket4jRateLimiter, which it extends with the standard headers. */
    @Bean
    @Primary
    StandardHeadersRateLimiter standardHeadersRateLimiter(RateLimitProperties properties,
                                                          AsyncProxyManager<String> rateLimitBuckets,
                                                          BucketProxies rateLimitBucketProxies,
                                                          ConfigurationService configurationService) {
        return new StandardHeadersRateLimiter(rateLimitBuckets, rateLimitBucketProxies, configurationService,
                properties.storeTimeout());
    }

    @Bean
    KeyResolver clientAndRouteKeyResolver() {
        return new ClientAndRouteKeyResolver();
    }
}
