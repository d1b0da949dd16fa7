package dev.servicedesk.intake.registration;

import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.record.TicketEventsListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket answered 202 takes lifecycle commands at once, however far intake's own projection of
 * the topic is behind. The projection is stopped for the test, so only the registration's own
 * write can make the ticket known.
 */
class ReadYourOwnWritesIntegrationTest extends IntakeIntegrationSupport {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void commandRightAfterTheRegistrationsAnswerFindsTheTicketWhileTheProjectionIsStopped() {
        // A first ticket through the running projection, so that producer and consumer are warm and
        // only the projection's absence is tested below.
        String warmUp = json(web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(form("warm-up 预热"))
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody())
                .get("ticketId").asString();
        awaitRecord(warmUp, record -> assertThat(record.get("state").asString()).isEqualTo("received"));
        MessageListenerContainer projection = listeners.getListenerContainer(TicketEventsListener.LISTENER_ID);
        projection.stop();
        try {
            String ticketId = register(form("耳机左边没有声音 the left earphone is silent"));

            JsonNode progress = json(post("/api/tickets/" + ticketId + "/progress",
                    Map.of("department", "technical-support", "reportedBy", "tech-2", "summary", "checking the firmware"), null)
                    .expectStatus().isAccepted()
                    .expectBody().returnResult().getResponseBody());

            assertThat(progress.get("state").asString()).isEqualTo("in-progress");
            assertThat(json(web.get().uri("/internal/tickets/" + ticketId).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody())
                    .get("state").asString()).isEqualTo("in-progress");
        } finally {
            projection.start();
        }
    }
}
