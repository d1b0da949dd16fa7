package dev.servicedesk.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md is what department systems integrate against: it must name every type and topic. */
class EventsDocumentationTest {

    private static final Path EVENTS_DOC = Path.of("..", "docs", "events.md");

    @Test
    void everyEventTypeAndTopicIsDocumented() throws IOException {
        String doc = Files.readString(EVENTS_DOC);

        assertThat(EventTypes.all().keySet()).allSatisfy(type -> assertThat(doc).contains("`" + type + "`"));
        assertThat(Topics.eventTopics()).allSatisfy(topic -> assertThat(doc).contains("`" + topic + "`"));
    }
}
