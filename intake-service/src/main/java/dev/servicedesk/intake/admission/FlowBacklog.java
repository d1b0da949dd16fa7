package dev.servicedesk.intake.admission;

import dev.servicedesk.intake.IntakeProperties;
import dev.servicedesk.kit.health.ConsumerLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Whether the services after intake keep up (the groups of {@code servicedesk.intake.backlog}).
 * Intake can accept tickets faster than they are routed and archived; past that point each accepted
 * ticket only waits longer in a queue, and a customer who was told "registered" finds nothing in
 * the archive for minutes. So while the slowest group would need longer than {@code max-delay} to
 * catch up, new registrations are refused with 503 and Retry-After, like any other overload, and
 * the backlog after intake stops growing with the overload.
 */
@Component
public class FlowBacklog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlowBacklog.class);

    private final IntakeProperties.Backlog settings;
    private final DrainEstimate estimate;
    private final Clock clock;
    private final Disposable sampling;

    FlowBacklog(ConsumerLag lag, IntakeProperties properties, Clock clock, MeterRegistry meters) {
        this.settings = properties.backlog();
        this.estimate = new DrainEstimate(settings.stalledAfter());
        this.clock = clock;
        Gauge.builder("servicedesk.intake.flow.delay", this, backlog -> backlog.delay().toMillis() / 1000.0)
                .description("how long the slowest group after intake needs to catch up")
                .baseUnit("seconds")
                .register(meters);
        this.sampling = settings.groups().isEmpty() ? null : Flux.interval(settings.sampleEvery())
                .onBackpressureDrop()
                .concatMap(tick -> lag.positions(settings.groups())
                        .doOnNext(positions -> estimate.sample(clock.instant(), positions))
                        .onErrorResume(failure -> {
                            log.debug("could not read the positions of {}: {}", settings.groups(), failure.toString());
                            return Mono.empty();
                        }), 0)
                .subscribe();
    }

    /** A new registration is taken now. */
    public boolean admits() {
        return delay().compareTo(settings.maxDelay()) <= 0;
    }

    Duration delay() {
        return estimate.delay(clock.instant());
    }

    @Override
    public void destroy() {
        if (sampling != null) {
            sampling.dispose();
        }
    }
}
