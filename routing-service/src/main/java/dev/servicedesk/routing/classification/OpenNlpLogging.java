package dev.servicedesk.routing.classification;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * OpenNLP 2.5's trainer reports the indexing and every iteration at INFO (200+ lines per model) and has no switch
 * for it. Unless a level is configured for {@code opennlp} (e.g. {@code logging.level.opennlp=DEBUG} to watch a
 * training), it is raised to WARN before training; {@link Classifier} logs one summary line instead. Done here rather
 * than in configuration because the log setup is not always Spring's (the local stack shares one Logback).
 */
final class OpenNlpLogging {

    static final String LOGGER = "opennlp";

    private OpenNlpLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(LOGGER) instanceof ch.qos.logback.classic.Logger logger && logger.getLevel() == null) {
            logger.setLevel(Level.WARN);
        }
    }
}
