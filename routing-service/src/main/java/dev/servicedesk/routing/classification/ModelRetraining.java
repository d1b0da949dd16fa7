package dev.servicedesk.routing.classification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Retrains the text model while the service runs, so staff corrections improve classification
 * without a restart. Every {@code retrain-every} it counts the stored corrections (every instance
 * reads the same collection, so all of them catch up) and retrains only when the count changed.
 * Training takes about a second of CPU on a worker thread; decisions keep using the old model until
 * the new one is in place.
 */
@Component
class ModelRetraining implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelRetraining.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Classifier classifier;
    private final ReactiveMongoTemplate mongo;
    private final Duration every;
    private volatile Disposable running;
    /** Stored corrections when the model was last trained; unknown until the first check. */
    private long storedWhenTrained = -1;

    ModelRetraining(Classifier classifier, ReactiveMongoTemplate mongo, ClassificationProperties properties) {
        this.classifier = classifier;
        this.mongo = mongo;
        this.every = properties.retrainEvery();
    }

    @Override
    public void start() {
        running = Flux.interval(every, every, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::retrainIfBehind)
                        .onErrorResume(e -> {
                            log.warn("retraining the text model failed, keeping the current one: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    /** Runs on one thread at a time (the interval's ticks are concatenated). */
    void retrainIfBehind() {
        long stored = StaffCorrections.count(mongo, READ_TIMEOUT);
        if (storedWhenTrained == -1 && stored == classifier.correctionsTrainedOn()) {
            storedWhenTrained = stored; // the start-up model already has them all
        }
        if (stored != storedWhenTrained) {
            classifier.retrain(StaffCorrections.read(mongo, READ_TIMEOUT));
            storedWhenTrained = stored;
        }
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
