package dev.servicedesk.gateway.ratelimit;

import java.time.Duration;

import com.mongodb.ConnectionString;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Values for the {@code RequestRateLimiter} default filter in {@code gateway.yml}, which reads capacity and
 * refill period from here by placeholder, and where its buckets are kept.
 *
 * @param capacity          requests a client may make to one route per refill period (also the burst size)
 * @param refillPeriod      period over which the full capacity is refilled, greedily
 * @param maxTrackedClients buckets kept in memory at most; the least recently used are dropped first
 * @param store             where buckets live: each gateway's memory, or MongoDB shared by all replicas
 * @param mongodbUri        the shared store's connection string, naming its database; required for {@code mongodb}
 * @param storeTimeout      how long a request waits for the bucket store before it is let through
 */
@ConfigurationProperties("servicedesk.gateway.rate-limit")
record RateLimitProperties(long capacity, Duration refillPeriod, long maxTrackedClients,
                           @DefaultValue("memory") Store store, String mongodbUri,
                           @DefaultValue("500ms") Duration storeTimeout) {

    enum Store { MEMORY, MONGODB }

    RateLimitProperties {
        // Checked when the properties are bound, so a gateway missing its shared store refuses to start
        // instead of letting every request through unlimited.
        if (store == Store.MONGODB) {
            if (mongodbUri == null || mongodbUri.isBlank()) {
                throw new IllegalArgumentException("servicedesk.gateway.rate-limit.store=mongodb needs "
                        + "servicedesk.gateway.rate-limit.mongodb-uri (RATE_LIMIT_MONGODB_URI), e.g. mongodb://127.0.0.1:27017/gateway");
            }
            if (new ConnectionString(mongodbUri).getDatabase() == null) {
                throw new IllegalArgumentException("servicedesk.gateway.rate-limit.mongodb-uri (RATE_LIMIT_MONGODB_URI) "
                        + "must name a database, e.g. mongodb://127.0.0.1:27017/gateway");
            }
        }
    }

    ConnectionString mongodbConnectionString() {
        return new ConnectionString(mongodbUri);
    }
}
