package dev.servicedesk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import dev.servicedesk.testsupport.TestInfrastructure;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketState;
import io.github.bucket4j.MathType;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.RemoteStat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Flux;

/**
 * The MongoDB bucket store on a real server, as two gateway replicas use it: each with its own client,
 * proxy manager and limiter, over one collection.
 */
@ExtendWith(OutputCaptureExtension.class)
class MongoRateLimitStoreIntegrationTest {

    private static final String ROUTE = "archive-service";
    private static final long CAPACITY = 5;
    /** Long enough that no token comes back while a test runs. */
    private static final Duration REFILL_PERIOD = Duration.ofHours(1);
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);
    private static final int ATTEMPTS_PER_REPLICA = 40;

    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static ConnectionString uri;
    private static Replica first;
    private static Replica second;

    @BeforeAll
    static void twoReplicas() {
        uri = new ConnectionString(TestInfrastructure.get().mongoUri().replaceAll("/$", "")
                + "/" + TestInfrastructure.uniqueDatabase("ratelimit"));
        first = Replica.of(uri, STORE_TIMEOUT);
        second = Replica.of(uri, STORE_TIMEOUT);
        MongoBucketCollection.createIndexes(MongoBucketCollection.in(first.client, uri)).block(Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    @Test
    void twoReplicasShareOneBudget() {
        String key = uniqueKey();
        for (long i = 0; i < CAPACITY; i++) {
            Replica replica = i % 2 == 0 ? first : second;
            Response response = replica.isAllowed(key);
            assertThat(response.isAllowed()).as("request %d", i + 1).isTrue();
            assertThat(response.getHeaders()).containsEntry("RateLimit-Remaining", Long.toString(CAPACITY - 1 - i));
        }

        for (Replica replica : List.of(second, first)) {
            Response refused = replica.isAllowed(key);
            assertThat(refused.isAllowed()).isFalse();
            // Five tokens an hour: the next one comes 12 minutes after the first was taken.
            assertThat(refused.getHeaders())
                    .containsEntry("RateLimit-Remaining", "0")
                    .containsEntry("RateLimit-Limit", "5")
                    .hasEntrySatisfying("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(700L, 720L));
        }
    }

    @Test
    void concurrentConsumptionFromBothReplicasNeverGrantsMoreThanTheCapacity() throws Exception {
        long capacity = ATTEMPTS_PER_REPLICA / 2;
        String key = uniqueKey();
        // A generous deadline: this is about correctness under contention, not about the timeout.
        Replica patientFirst = Replica.of(uri, Duration.ofSeconds(20));
        Replica patientSecond = Replica.of(uri, Duration.ofSeconds(20));
        BucketConfiguration configuration = Replica.bucket(capacity);
        // Open the clients' connections first (reads only), so that the attempts below meet at the database,
        // most of them reading the bucket before any has written it, instead of queueing for connections.
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS_PER_REPLICA; i++) {
            reads.add(patientFirst.buckets.getProxyConfiguration(key));
            reads.add(patientSecond.buckets.getProxyConfiguration(key));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS_PER_REPLICA; i++) {
            for (Replica replica : List.of(patientFirst, patientSecond)) {
                attempts.add(replica.buckets.builder()
                        .build(key, () -> CompletableFuture.completedFuture(configuration))
                        .tryConsume(1));
            }
        }
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(attempts.stream().filter(CompletableFuture::join).count()).isEqualTo(capacity);
        assertThat(first.buckets.builder().build(key, () -> CompletableFuture.completedFuture(configuration))
                .getAvailableTokens().get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void manyConcurrentRequestsOfOneClientToOneGatewayAreAllDecidedByTheStore() {
        String route = "busy-route";
        long capacity = 100;
        int requests = 200;
        Replica gateway = Replica.of(uri, STORE_TIMEOUT);
        gateway.limiter.getConfig().put(route, new Bucket4jRateLimiter.Config().setCapacity(capacity).setRefillPeriod(REFILL_PERIOD));
        // Connected first, so that the requests below wait for the bucket only, not for a connection.
        assertThat(gateway.isAllowed(uniqueKey()).getHeaders()).containsKey("RateLimit-Remaining");
        String key = uniqueKey();

        // All subscribed at once: every request but the first finds the bucket's round trip under way.
        List<Response> responses = Flux.range(0, requests)
                .flatMap(i -> gateway.limiter.isAllowed(route, key), requests)
                .collectList()
                .block(Duration.ofSeconds(20));

        // A request let through because the store did not answer in time has no headers.
        assertThat(responses).hasSize(requests)
                .allSatisfy(response -> assertThat(response.getHeaders()).containsKey("RateLimit-Remaining"));
        assertThat(responses.stream().filter(Response::isAllowed).count()).isEqualTo(capacity);
    }

    @Test
    void aWriteLosesWhenAnotherReplicaWroteTheBucketSinceItRead() {
        String key = uniqueKey();
        AsyncCompareAndSwapOperation one = first.store.beginAsyncCompareAndSwapOperation(key);
        AsyncCompareAndSwapOperation other = second.store.beginAsyncCompareAndSwapOperation(key);
        BucketConfiguration configuration = Replica.bucket(CAPACITY);
        RemoteBucketState state = new RemoteBucketState(
                BucketState.createInitialState(configuration, MathType.INTEGER_64_BITS, System.currentTimeMillis() * 1_000_000), new RemoteStat(0), null);

        // Both find no bucket: the first insert wins, the second finds the key taken.
        assertThat(one.getStateData(Optional.empty()).join()).isEmpty();
        assertThat(other.getStateData(Optional.empty()).join()).isEmpty();
        assertThat(one.compareAndSwap(null, new byte[] {1}, state, Optional.empty()).join()).isTrue();
        assertThat(other.compareAndSwap(null, new byte[] {2}, state, Optional.empty()).join()).isFalse();

        // Both read that bucket: the first update wins, the second finds it changed since.
        assertThat(one.getStateData(Optional.empty()).join()).hasValueSatisfying(data -> assertThat(data).containsExactly(1));
        assertThat(other.getStateData(Optional.empty()).join()).hasValueSatisfying(data -> assertThat(data).containsExactly(1));
        assertThat(other.compareAndSwap(new byte[] {1}, new byte[] {3}, state, Optional.empty()).join()).isTrue();
        assertThat(one.compareAndSwap(new byte[] {1}, new byte[] {4}, state, Optional.empty()).join()).isFalse();

        assertThat(one.getStateData(Optional.empty()).join()).hasValueSatisfying(data -> assertThat(data).containsExactly(3));
    }

    @Test
    void bucketsOfDifferentKeysAreIndependent() {
        String spent = uniqueKey();
        String other = uniqueKey();
        for (long i = 0; i < CAPACITY; i++) {
            first.isAllowed(spent);
        }
        assertThat(second.isAllowed(spent).isAllowed()).isFalse();

        Response response = second.isAllowed(other);
        assertThat(response.isAllowed()).isTrue();
        assertThat(response.getHeaders()).containsEntry("RateLimit-Remaining", Long.toString(CAPACITY - 1));
    }

    @Test
    void aRequestWaitsForAHungDatabaseNoLongerThanTheStoreTimeoutAndIsLetThrough() throws IOException {
        try (ServerSocket hung = hungDatabase()) {
            // A client that would wait 30 s itself: the limiter's own deadline is what ends the wait.
            Replica cutOff = Replica.of(at(hung), Duration.ofSeconds(30), Duration.ofMillis(300));

            Response response = cutOff.limiter.isAllowed(ROUTE, uniqueKey()).block(Duration.ofSeconds(3));

            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).isEmpty();
        }
    }

    @Test
    void whileTheStoreIsDownRequestsAreLetThroughWithOneLogLineNotOneEach(CapturedOutput output) throws IOException {
        try (ServerSocket hung = hungDatabase()) {
            Replica cutOff = Replica.of(at(hung), Duration.ofSeconds(30), Duration.ofMillis(200));

            List<Response> responses = Flux.range(0, 5)
                    .concatMap(i -> cutOff.limiter.isAllowed(ROUTE, uniqueKey()))
                    .collectList()
                    .block(Duration.ofSeconds(10));

            assertThat(responses).hasSize(5).allSatisfy(response -> assertThat(response.isAllowed()).isTrue());
            assertThat(output.getAll().lines().filter(line -> line.contains("Rate limit store failed"))).hasSize(1);
        }
    }

    @Test
    void storeCallsToAHungDatabaseGiveUpAfterTheStoreTimeout() throws IOException {
        try (ServerSocket hung = hungDatabase()) {
            // The client's own timeouts, so that calls abandoned by requests let through do not pile up.
            Replica cutOff = Replica.of(at(hung), Duration.ofMillis(300), Duration.ofSeconds(30));
            CompletableFuture<Boolean> call = cutOff.buckets.builder()
                    .build(uniqueKey(), () -> CompletableFuture.completedFuture(Replica.bucket(CAPACITY)))
                    .tryConsume(1);

            await().atMost(Duration.ofSeconds(3)).until(call::isDone);
            assertThat(call).isCompletedExceptionally();
        }
    }

    /** Accepts connections (the kernel's backlog does) and never says a word. */
    private static ServerSocket hungDatabase() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private static ConnectionString at(ServerSocket hung) {
        return new ConnectionString("mongodb://127.0.0.1:" + hung.getLocalPort() + "/ratelimit");
    }

    private static String uniqueKey() {
        return "client:" + UUID.randomUUID() + "|" + ROUTE;
    }

    /** What one gateway replica holds: its own client, bucket store and limiter. */
    private record Replica(MongoClient client, MongoBucketProxyManager store, AsyncProxyManager<String> buckets,
                           StandardHeadersRateLimiter limiter) {

        static Replica of(ConnectionString uri, Duration storeTimeout) {
            return of(uri, storeTimeout, storeTimeout);
        }

        /** The gateway uses one store timeout for both; apart here to see each at work. */
        static Replica of(ConnectionString uri, Duration clientTimeout, Duration limiterTimeout) {
            MongoClient client = MongoBucketCollection.connect(uri, clientTimeout);
            opened.add(client);
            MongoBucketProxyManager store = new MongoBucketProxyManager(MongoBucketCollection.in(client, uri),
                    RateLimitConfiguration.BUCKET_EXPIRY, clientTimeout);
            AsyncProxyManager<String> buckets = store.asAsync();
            // As the gateway's MongoDB store configuration makes them.
            StandardHeadersRateLimiter limiter = new StandardHeadersRateLimiter(buckets, new BatchingBucketProxies(buckets, 10_000),
                    new ConfigurationService(null, () -> null, () -> null), limiterTimeout);
            limiter.getConfig().put(ROUTE, new Bucket4jRateLimiter.Config().setCapacity(CAPACITY).setRefillPeriod(REFILL_PERIOD));
            return new Replica(client, store, buckets, limiter);
        }

        /** The bucket the gateway's limiter builds for this capacity. */
        static BucketConfiguration bucket(long capacity) {
            Bucket4jRateLimiter.Config config = new Bucket4jRateLimiter.Config().setCapacity(capacity).setRefillPeriod(REFILL_PERIOD);
            return config.getConfigurationSupplier().get().join();
        }

        Response isAllowed(String key) {
            return limiter.isAllowed(ROUTE, key).block(Duration.ofSeconds(5));
        }
    }
}
