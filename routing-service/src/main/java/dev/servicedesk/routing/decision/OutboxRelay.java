package dev.servicedesk.routing.decision;

import dev.servicedesk.kit.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Re-sends decisions that were stored but never confirmed as published (the process stopped in
 * between, or the broker was away). Re-sending keeps the event ids, so consumers drop repeats.
 */
@Component
class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RoutingRecords records;
    private final TicketRouter router;
    private final Clock clock;
    private final Duration grace;

    OutboxRelay(RoutingRecords records, TicketRouter router, Clock clock,
                @Value("${servicedesk.routing.outbox.relay-every:60s}") Duration every,
                @Value("${servicedesk.routing.outbox.grace:30s}") Duration grace) {
        super("outbox relay", every);
        this.records = records;
        this.router = router;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    protected Mono<?> runOnce() {
        return relayOnce();
    }

    /** Re-sends up to 500 decisions stored but unconfirmed for longer than the grace period; emits how many. */
    Mono<Long> relayOnce() {
        return records.unpublished(clock.instant().minus(grace), 500)
                .concatMap(router::publish)
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("re-sent {} stored routing decisions", count);
                    }
                });
    }
}
