package dev.servicedesk.kit.health;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** UP when the broker answers a cluster description within the timeout. */
public class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;

    public KafkaHealthIndicator(Map<String, Object> adminProperties) {
        Map<String, Object> config = new HashMap<>(adminProperties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = AdminClient.create(config);
    }

    @Override
    public Mono<Health> health() {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        return Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture())
                .zipWith(Mono.fromFuture(cluster.clusterId().toCompletionStage().toCompletableFuture()))
                .map(nodesAndId -> Health.up()
                        .withDetail("clusterId", nodesAndId.getT2())
                        .withDetail("brokers", nodesAndId.getT1().size())
                        .build())
                .timeout(TIMEOUT.plusSeconds(1))
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
