package dev.servicedesk.kit.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far consumer groups are behind the end of the topics they read: for each group, the records
 * published but not yet committed, summed over its partitions. The service's own group is kept as
 * the {@code servicedesk.consumer.lag} gauge, refreshed every few seconds.
 */
public class ConsumerLag implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final AdminClient admin;
    private final String ownGroup;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Disposable refresh;

    public ConsumerLag(Map<String, Object> adminProperties, String ownGroup, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(adminProperties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = AdminClient.create(config);
        this.ownGroup = ownGroup;
        AtomicLong own = new AtomicLong();
        gauges.put(ownGroup, own);
        Gauge.builder("servicedesk.consumer.lag", own, AtomicLong::get)
                .description("records on the topics not yet processed by the consumer group")
                .tag("group", ownGroup)
                .register(meters);
        this.refresh = Flux.interval(REFRESH, REFRESH)
                .concatMap(tick -> ofGroups(Set.of(ownGroup)).onErrorResume(e -> Mono.empty()))
                .subscribe(lags -> lags.forEach((group, lag) -> gauges.get(group).set(lag)));
    }

    public String ownGroup() {
        return ownGroup;
    }

    /** Every consumer group the broker knows, by name. */
    public Mono<Map<String, Long>> ofAllGroups() {
        return mono(admin.listConsumerGroups().all())
                .map(listings -> listings.stream().map(ConsumerGroupListing::groupId).collect(Collectors.toSet()))
                .flatMap(this::ofGroups);
    }

    public Mono<Map<String, Long>> ofGroups(Collection<String> groups) {
        return positions(groups).map(positions -> {
            Map<String, Long> lags = new TreeMap<>();
            positions.forEach((group, position) -> lags.put(group, position.lag()));
            return lags;
        });
    }

    /**
     * Where each group stands: what it has committed and how far behind it is, each summed over its
     * partitions (both 0 for a group that has committed nothing).
     */
    public Mono<Map<String, Position>> positions(Collection<String> groups) {
        if (groups.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(Function.identity(), group -> new ListConsumerGroupOffsetsSpec()));
        return mono(admin.listConsumerGroupOffsets(specs).all()).flatMap(committed -> {
            Set<TopicPartition> partitions = new HashSet<>();
            committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return mono(admin.listOffsets(latest).all()).map(ends -> {
                Map<String, Position> positions = new TreeMap<>();
                committed.forEach((group, offsets) -> positions.put(group, position(offsets, ends)));
                return positions;
            });
        }).timeout(TIMEOUT.plusSeconds(1));
    }

    /**
     * @param committed the group's committed offsets, summed over its partitions: it grows as the group works
     * @param lag       records published but not yet committed
     */
    public record Position(long committed, long lag) {
    }

    private static Position position(Map<TopicPartition, OffsetAndMetadata> committed,
                                     Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends) {
        long sum = 0;
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            var end = ends.get(entry.getKey());
            if (entry.getValue() != null) {
                sum += entry.getValue().offset();
                if (end != null) {
                    lag += Math.max(0, end.offset() - entry.getValue().offset());
                }
            }
        }
        return new Position(sum, lag);
    }

    private static <T> Mono<T> mono(KafkaFuture<T> future) {
        return Mono.fromFuture(future.toCompletionStage().toCompletableFuture());
    }

    @Override
    public void destroy() {
        refresh.dispose();
        admin.close(Duration.ofSeconds(2));
    }
}
