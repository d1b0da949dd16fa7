package dev.servicedesk.benchmark.load;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The dashboard's live KPI stream ({@code GET /api/kpis/stream}), held open for the whole run as a
 * browser would hold it, reopened after a second whenever it ends.
 */
public final class DashboardStream implements AutoCloseable {

    private final HttpClient client;
    private final LongAdder events = new LongAdder();
    private final AtomicLong opened = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile Disposable current;

    public DashboardStream(HttpClient client) {
        this.client = client.responseTimeout(Duration.ofDays(1));
    }

    public DashboardStream open() {
        connect();
        return this;
    }

    private void connect() {
        if (closed) {
            return;
        }
        opened.incrementAndGet();
        current = client.headers(h -> h.set("Accept", "text/event-stream"))
                .get().uri("/api/kpis/stream")
                .response((response, body) -> {
                    statuses.computeIfAbsent(response.status().code(), status -> new LongAdder()).increment();
                    return body.asString(StandardCharsets.UTF_8);
                })
                .doOnNext(chunk -> chunk.lines().filter(line -> line.startsWith("data:")).forEach(line -> events.increment()))
                .onErrorResume(error -> {
                    statuses.computeIfAbsent(0, status -> new LongAdder()).increment();
                    return Mono.empty();
                })
                .then(Mono.delay(Duration.ofSeconds(1)))
                .subscribe(done -> connect());
    }

    /** Events received across every connection. */
    public long events() {
        return events.sum();
    }

    /** How many times the stream was opened: 1 means it stayed open throughout. */
    public long connections() {
        return opened.get();
    }

    public Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    @Override
    public void close() {
        closed = true;
        Disposable connection = current;
        if (connection != null) {
            connection.dispose();
        }
    }
}
