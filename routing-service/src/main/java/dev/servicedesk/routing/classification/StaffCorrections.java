package dev.servicedesk.routing.classification;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;

/**
 * Reads the staff corrections kept in {@code labelled_examples} (see the reclassification package)
 * as training examples for the text model: at start-up, and again by {@link ModelRetraining} when
 * their number changed. If the database does not answer in time, the shipped corpus alone.
 */
final class StaffCorrections {

    private static final Logger log = LoggerFactory.getLogger(StaffCorrections.class);
    static final String COLLECTION = "labelled_examples";
    private static final int LIMIT = 20_000;

    private StaffCorrections() {
    }

    /** How many corrections are stored; a cheap check whether the model is behind. */
    static long count(ReactiveMongoTemplate mongo, Duration timeout) {
        Long count = mongo.count(new Query(), COLLECTION).block(timeout);
        return count == null ? 0 : count;
    }

    static List<TextModel.Example> read(ReactiveMongoTemplate mongo, Duration timeout) {
        if (mongo == null) {
            return List.of();
        }
        try {
            List<TextModel.Example> examples = mongo.findAll(Document.class, COLLECTION)
                    .take(LIMIT)
                    .filter(doc -> doc.getString("type") != null && doc.getString("subType") != null
                            && doc.getString("text") != null && !doc.getString("text").isBlank())
                    .map(doc -> new TextModel.Example(doc.getString("type"), doc.getString("subType"), doc.getString("text")))
                    .collectList()
                    .block(timeout);
            List<TextModel.Example> result = examples == null ? List.of() : examples;
            log.info("training the text model with {} staff corrections from {}", result.size(), COLLECTION);
            return result;
        } catch (RuntimeException e) {
            log.warn("could not read staff corrections from {}, training on the shipped corpus only: {}", COLLECTION, e.toString());
            return List.of();
        }
    }
}
