package dev.servicedesk.archive.kpi;

import dev.servicedesk.kit.health.ConsumerLag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** {@code GET /api/kpis/consumer-lag}: how far behind each service is, for the dashboard. */
@RestController
class ConsumerLagController {

    private final ConsumerLag lag;

    ConsumerLagController(ConsumerLag lag) {
        this.lag = lag;
    }

    @GetMapping("/api/kpis/consumer-lag")
    Mono<Map<String, Long>> consumerLag() {
        return lag.ofAllGroups();
    }
}
