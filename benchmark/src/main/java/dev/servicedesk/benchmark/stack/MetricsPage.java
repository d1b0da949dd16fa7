package dev.servicedesk.benchmark.stack;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A service's {@code /actuator/prometheus} page, as text. */
final class MetricsPage {

    private MetricsPage() {
    }

    /** The page, or empty when the service does not answer with it within 10 s. */
    static Mono<String> of(HttpClient service) {
        return service.get().uri("/actuator/prometheus")
                .responseSingle((response, body) -> response.status().code() == 200
                        ? body.asString(StandardCharsets.UTF_8) : body.then(Mono.<String>empty()))
                .timeout(Duration.ofSeconds(10))
                .onErrorResume(error -> Mono.empty());
    }
}
