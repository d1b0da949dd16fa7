package dev.servicedesk.archive.kpi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

@RestController
@RequestMapping("/api/kpis")
class KpiController {

    static final long REPEAT_SECONDS = 15;
    private static final Duration REPEAT = Duration.ofSeconds(REPEAT_SECONDS);

    private final KpiReads queries;
    /** One aggregation per interval however many dashboards watch; a new watcher gets the latest at once. */
    private final Flux<KpiSummary> changes;

    KpiController(KpiReads reads, @Value("${servicedesk.archive.kpi.stream-interval:2s}") Duration streamInterval) {
        this.queries = reads;
        this.changes = Flux.interval(Duration.ZERO, streamInterval)
                .onBackpressureDrop()
                .concatMap(tick -> queries.summary().onErrorResume(e -> Mono.empty()), 1)
                .distinctUntilChanged()
                .replay(1)
                .refCount();
    }

    @GetMapping("/summary")
    Mono<KpiSummary> summary() {
        return queries.summary();
    }

    /**
     * The summary now and whenever it changes, and again every {@value #REPEAT_SECONDS} s even without a change,
     * which keeps proxies from closing an idle stream and tells the page the stream is alive.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<KpiSummary>> stream() {
        Flux<KpiSummary> repeats = Flux.interval(REPEAT).concatMap(tick -> changes.next());
        return Flux.merge(changes, repeats)
                .map(summary -> ServerSentEvent.builder(summary).event("summary").build());
    }
}
