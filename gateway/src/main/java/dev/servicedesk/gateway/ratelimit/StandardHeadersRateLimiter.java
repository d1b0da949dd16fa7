package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The gateway's Bucket4j limiter, answering with the IETF {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} and {@code RateLimit-Policy} headers on every response and, when it refuses, a
 * {@code Retry-After} of the time until the next token, instead of the built-in {@code X-RateLimit-Remaining}.
 */
class StandardHeadersRateLimiter extends Bucket4jRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(StandardHeadersRateLimiter.class);

    private final BucketProxies proxies;
    private final Duration storeTimeout;
    private final StoreFailureLog storeFailures = new StoreFailureLog(log, Duration.ofSeconds(10));

    /**
     * @param proxies      the proxies of {@code buckets}' buckets, which may be reused from request to request
     * @param storeTimeout how long a request waits for the bucket store before it is let through
     */
    StandardHeadersRateLimiter(AsyncProxyManager<String> buckets, BucketProxies proxies,
                               ConfigurationService configurationService, Duration storeTimeout) {
        super(buckets, configurationService);
        this.proxies = proxies;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config config = loadRouteConfiguration(routeId);
        return Mono.defer(() -> {
                    // Read when the bucket is created, from the route's configuration of that moment: a reused
                    // proxy must not keep the configuration of its first request.
                    CompletableFuture<ConsumptionProbe> probe = proxies
                            .forKey(id, () -> loadRouteConfiguration(routeId).getConfigurationSupplier().get())
                            .tryConsumeAndReturnRemaining(config.getRequestedTokens());
                    // The memory store has answered already; only a database's pending answer needs a deadline.
                    return probe.isDone() ? Mono.fromFuture(probe) : Mono.fromFuture(probe).timeout(storeTimeout);
                })
                .map(probe -> new Response(probe.isConsumed(), headers(config, probe)))
                .onErrorResume(failure -> {
                    // A broken or hung bucket store must not take the API down with it.
                    storeFailures.report(failure);
                    return Mono.just(new Response(true, Map.of()));
                });
    }

    static Map<String, String> headers(Config config, ConsumptionProbe probe) {
        long capacity = config.getCapacity();
        long period = Math.max(1, config.getRefillPeriod().toSeconds());
        long remaining = Math.max(0, probe.getRemainingTokens());
        // Tokens refill greedily, capacity per period: the bucket is full again after the missing share of it.
        long resetSeconds = ceilSeconds(config.getRefillPeriod().multipliedBy(capacity - remaining).dividedBy(Math.max(1, capacity)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(capacity));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        headers.put("RateLimit-Policy", capacity + ";w=" + period);
        if (!probe.isConsumed()) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(Duration.ofNanos(probe.getNanosToWaitForRefill())))));
        }
        return headers;
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
