package dev.servicedesk.routing.classification;

import dev.servicedesk.kit.scheduling.PeriodicTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Retrains the text model while the service runs, so staff corrections improve classification
 * without a restart. Every {@code retrain-every} it counts the stored corrections (every instance
 * reads the same collection, so all of them catch up) and retrains only when the count changed.
 * Training takes about a second of CPU on a worker thread; decisions keep using the old model until
 * the new one is in place.
 */
@Component
class ModelRetraining extends PeriodicTask {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Classifier classifier;
    private final ReactiveMongoTemplate mongo;
    /** Stored corrections when the model was last trained; unknown until the first check. */
    private long storedWhenTrained = -1;

    ModelRetraining(Classifier classifier, ReactiveMongoTemplate mongo, ClassificationProperties properties) {
        super("retraining the text model (the current one stays)", properties.retrainEvery());
        this.classifier = classifier;
        this.mongo = mongo;
    }

    @Override
    protected Mono<?> runOnce() {
        return Mono.fromRunnable(this::retrainIfBehind);
    }

    /** Runs on one thread at a time (runs never overlap). */
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
}
