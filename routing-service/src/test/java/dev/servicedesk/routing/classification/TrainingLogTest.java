package dev.servicedesk.routing.classification;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.servicedesk.routing.RoutingRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Training the text model at start-up logs one summary line, not OpenNLP's progress per iteration. */
class TrainingLogTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger openNlp = (Logger) LoggerFactory.getLogger(OpenNlpLogging.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void captureEverythingAtInfo() {
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        openNlp.setLevel(null); // as in a service whose configuration names no level for OpenNLP
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
    }

    @Test
    void trainingTheTextModelLogsOneSummaryLineAndNoIterations() {
        new Classifier(RoutingRules.bind("servicedesk.routing.classification", ClassificationProperties.class));

        assertThat(appender.list).filteredOn(event -> event.getLoggerName().startsWith("opennlp")).isEmpty();
        assertThat(appender.list).filteredOn(event -> event.getLoggerName().equals(Classifier.class.getName()))
                .singleElement().satisfies(event -> assertThat(event.getFormattedMessage()).startsWith("text model trained on "));
    }

    @Test
    void aLevelConfiguredForOpenNlpIsKept() {
        openNlp.setLevel(Level.DEBUG);

        OpenNlpLogging.quiet();

        assertThat(openNlp.getLevel()).isEqualTo(Level.DEBUG);
        openNlp.setLevel(null);
    }
}
