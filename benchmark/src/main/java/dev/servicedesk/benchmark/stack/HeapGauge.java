package dev.servicedesk.benchmark.stack;

import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Heap in use, from a service's {@code /actuator/prometheus}: the sum of
 * {@code jvm_memory_used_bytes{area="heap"}} over the heap's pools. In the local stack every service
 * shares one JVM, so one service's figure is the whole stack's heap.
 */
public final class HeapGauge {

    private final HttpClient client;

    public HeapGauge(String serviceUrl) {
        this.client = HttpClient.create().baseUrl(serviceUrl).responseTimeout(Duration.ofSeconds(5));
    }

    public OptionalLong usedBytes() {
        String text = MetricsPage.of(client).block();
        if (text == null) {
            return OptionalLong.empty();
        }
        double used = text.lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return used > 0 ? OptionalLong.of((long) used) : OptionalLong.empty();
    }
}
