package dev.servicedesk.benchmark.stack;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.OptionalLong;

/** How many tickets the archive holds: the KPI summary's {@code total}. */
public final class KpiTotal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KpiTotal() {
    }

    public static OptionalLong of(HttpClient gateway) {
        byte[] body = gateway.get().uri("/api/kpis/summary")
                .responseSingle((response, content) -> response.status().code() == 200 ? content.asByteArray()
                        : content.then(Mono.<byte[]>error(new IllegalStateException("answered " + response.status().code()))))
                .timeout(Duration.ofSeconds(30))
                // right after a saturating load the gateway may still shed, or hold the archive's breaker open
                .retryWhen(Retry.fixedDelay(10, Duration.ofSeconds(3)))
                .onErrorResume(error -> Mono.empty())
                .block();
        if (body == null) {
            return OptionalLong.empty();
        }
        JsonNode total = JSON.readTree(body).path("total");
        return total.isNumber() ? OptionalLong.of(total.asLong()) : OptionalLong.empty();
    }
}
