package dev.servicedesk.gateway.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The services' rule (service-kit's {@code dev.servicedesk.kit.tracing}), which the gateway does not
 * depend on: without an OTLP endpoint nothing is sampled, so no span is recorded; with one, Boot's
 * sampler applies ({@code management.tracing.sampling.probability}, 1.0 in gateway.yml).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    @Conditional(NoEndpoint.class)
    Sampler tracingOffSampler() {
        return Sampler.alwaysOff();
    }

    static final class NoEndpoint extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean configured = StringUtils.hasText(context.getEnvironment().getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                    || StringUtils.hasText(context.getEnvironment().getProperty("management.opentelemetry.otlp.endpoint"));
            return new ConditionOutcome(!configured, "OTLP tracing endpoint " + (configured ? "" : "not ") + "configured");
        }
    }
}
