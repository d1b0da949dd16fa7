package dev.servicedesk.routing.reclassification;

import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketRouted;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Staff corrections kept as labelled examples (collection {@code labelled_examples}): the text,
 * what the classifier said and what staff said, for reviewing and extending the rules.
 */
@Component
class LabelledExamples {

    static final String COLLECTION = "labelled_examples";

    private final ReactiveMongoTemplate mongo;

    LabelledExamples(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keyed by ticket and revision, so saving the same correction twice keeps one example.
     *
     * @param correction staff's correction, naming what the classifier said before it
     */
    Mono<Void> keep(String ticketId, TicketReceived received, TicketReclassified correction, TicketRouted after, Instant at) {
        Update update = new Update()
                .set("ticketId", ticketId)
                .set("text", String.join("\n", Objects.requireNonNullElse(received.description(), ""),
                        Objects.requireNonNullElse(received.customerRequest(), "")).strip())
                .set("language", received.language())
                .set("type", after.type().wireName())
                .set("subType", after.subType())
                .set("priority", after.priority().wireName())
                .set("classifierType", correction.previousType().wireName())
                .set("classifierSubType", correction.previousSubType())
                .set("staffId", correction.staffId())
                .set("at", Date.from(at));
        return mongo.upsert(Query.query(Criteria.where("_id").is(ticketId + "#" + after.revision())), update, COLLECTION).then();
    }
}
