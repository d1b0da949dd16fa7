package dev.servicedesk.kit.tracing;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether spans have somewhere to go: Boot creates its OTLP span exporter only when one of these
 * endpoints is set, so tracing is switched on by exactly the setting that gives it a destination.
 */
final class TracingExport {

    static final String TRACING_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String COMMON_ENDPOINT = "management.opentelemetry.otlp.endpoint";

    private TracingExport() {
    }

    static boolean configured(Environment environment) {
        return StringUtils.hasText(environment.getProperty(TRACING_ENDPOINT))
                || StringUtils.hasText(environment.getProperty(COMMON_ENDPOINT));
    }

    static final class On extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new ConditionOutcome(configured(context.getEnvironment()), "OTLP tracing endpoint configured");
        }
    }

    static final class Off extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new ConditionOutcome(!configured(context.getEnvironment()), "no OTLP tracing endpoint configured");
        }
    }
}
