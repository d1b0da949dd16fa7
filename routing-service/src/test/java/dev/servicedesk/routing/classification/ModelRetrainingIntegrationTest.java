package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.RoutingIntegrationSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff corrections stored while the service runs reach the text model without a restart: the next
 * check retrains on them, and a text only they taught is then classified as staff labelled it.
 */
class ModelRetrainingIntegrationTest extends RoutingIntegrationSupport {

    /** Words that appear in no rule and no shipped training text. */
    private static final String TAUGHT = "qorvex zentrix";

    @Autowired
    Classifier classifier;

    @Autowired
    ModelRetraining retraining;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void correctionsStoredWhileRunningAreLearnedAtTheNextCheck() {
        retraining.retrainIfBehind();
        int before = classifier.correctionsTrainedOn();
        Classification untaught = classifier.classify(TAUGHT);
        assertThat(untaught.reasons()).contains("no classification rule fired");
        assertThat(untaught.type()).isNotEqualTo(TicketType.COMPLAINT);

        List<Document> corrections = IntStream.range(0, 6).mapToObj(i -> new Document("_id", "T-" + UUID.randomUUID() + "#2")
                        .append("text", TAUGHT + " 第" + i + "次")
                        .append("type", "complaint")
                        .append("subType", "service-quality")
                        .append("staffId", "agent-" + i))
                .toList();
        mongo.insert(corrections, StaffCorrections.COLLECTION).then().block(Duration.ofSeconds(10));

        retraining.retrainIfBehind();

        assertThat(classifier.correctionsTrainedOn()).isGreaterThanOrEqualTo(before + corrections.size());
        Classification taught = classifier.classify(TAUGHT);
        assertThat(taught.type()).isEqualTo(TicketType.COMPLAINT);
        assertThat(taught.subType()).isEqualTo("service-quality");
    }
}
