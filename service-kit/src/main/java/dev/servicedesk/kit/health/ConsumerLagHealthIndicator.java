package dev.servicedesk.kit.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Shows the service's consumer lag in its readiness details. Always UP while the lag can be read:
 * a service behind on events still answers correctly from what it has, and taking it out of
 * rotation would only make it further behind.
 */
public class ConsumerLagHealthIndicator implements ReactiveHealthIndicator {

    private final ConsumerLag lag;

    public ConsumerLagHealthIndicator(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public Mono<Health> health() {
        return lag.ofGroups(Set.of(lag.ownGroup()))
                .map(lags -> Health.up().withDetails(lags).build())
                .onErrorResume(e -> Mono.just(Health.unknown().withException(e).build()));
    }
}
