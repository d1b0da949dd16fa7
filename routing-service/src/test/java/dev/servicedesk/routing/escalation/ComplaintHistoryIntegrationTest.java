package dev.servicedesk.routing.escalation;

import dev.servicedesk.routing.RoutingIntegrationSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's complaint history answers repeats within the window and does not grow without bound. */
class ComplaintHistoryIntegrationTest extends RoutingIntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WINDOW = Duration.ofDays(30);

    @Autowired
    ComplaintHistory history;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aLongHistoryLosesComplaintsTooOldToMakeARepeatAndStillAnswersRepeats() {
        String customerId = "c-history-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<ComplaintHistory.Complaint> old = new ArrayList<>();
        for (int i = 0; i < ComplaintHistory.PRUNE_ABOVE; i++) {
            old.add(new ComplaintHistory.Complaint(customerId, "T-old-" + i, now.minus(Duration.ofDays(90)).plusSeconds(i)));
        }
        history.recordAllAndCheckRepeats(old, WINDOW).block(TIMEOUT);
        ComplaintHistory.Complaint recent = new ComplaintHistory.Complaint(customerId, "T-recent", now.minus(Duration.ofDays(20)));
        ComplaintHistory.Complaint latest = new ComplaintHistory.Complaint(customerId, "T-latest", now);

        Map<String, Boolean> repeats = history.recordAllAndCheckRepeats(List.of(recent, latest), WINDOW).block(TIMEOUT);

        assertThat(repeats).containsEntry("T-recent", false).containsEntry("T-latest", true);
        List<Document> kept = mongo.findById(customerId, Document.class, ComplaintHistory.COLLECTION)
                .map(document -> document.getList("complaints", Document.class)).block(TIMEOUT);
        assertThat(kept).extracting(entry -> entry.getString("ticketId")).containsExactlyInAnyOrder("T-recent", "T-latest");
        assertThat(history.recordAndCheckRepeat(customerId, "T-again", now.plus(Duration.ofDays(5)), WINDOW).block(TIMEOUT)).isTrue();
    }

    @Test
    void aShortHistoryIsKeptWhole() {
        String customerId = "c-short-" + UUID.randomUUID();
        Instant now = Instant.now();

        history.recordAndCheckRepeat(customerId, "T-long-ago", now.minus(Duration.ofDays(400)), WINDOW).block(TIMEOUT);
        boolean repeat = history.recordAndCheckRepeat(customerId, "T-now", now, WINDOW).block(TIMEOUT);

        assertThat(repeat).isFalse();
        assertThat(mongo.findById(customerId, Document.class, ComplaintHistory.COLLECTION)
                .map(document -> document.getList("complaints", Document.class).size()).block(TIMEOUT)).isEqualTo(2);
    }
}
