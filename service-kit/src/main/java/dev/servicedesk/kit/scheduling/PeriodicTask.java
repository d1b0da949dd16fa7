package dev.servicedesk.kit.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Background work that runs every {@code every} while the context runs: one run at a time (a tick
 * that comes while a run is still going is dropped), on a worker thread, and a failed run is logged
 * and tried again at the next tick.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final Duration firstAfter;
    private final Duration every;
    private volatile Disposable running;

    /** @param what what a run does, for the log line when one fails */
    protected PeriodicTask(String what, Duration every) {
        this(what, every, every);
    }

    /** @param firstAfter when the first run starts, counted from the start of the context */
    protected PeriodicTask(String what, Duration firstAfter, Duration every) {
        this.what = what;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /** One run. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        running = Flux.interval(firstAfter, every, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
                    log.warn("{} failed, will try again: {}", what, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
