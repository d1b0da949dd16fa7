package dev.servicedesk.embedded;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Lowers chatty third-party loggers to WARN when Logback is the SLF4J backend. Reflection keeps
 * Logback an optional runtime choice of the host application rather than a dependency of this module.
 */
final class QuietLogging {

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private QuietLogging() {
    }

    static void warnOnly(String... loggerNames) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
            return;
        }
        try {
            ClassLoader loader = factory.getClass().getClassLoader();
            Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, loader);
            Object warn = level.getField("WARN").get(null);
            for (String name : loggerNames) {
                Object logger = factory.getLogger(name);
                // an explicitly configured level (e.g. logging.level.kafka=DEBUG) wins
                if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                    logger.getClass().getMethod("setLevel", level).invoke(logger, warn);
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // logging levels are cosmetic; never fail a broker or database start over them
        }
    }
}
