package dev.servicedesk.kit.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Tracing off by default, on with an OTLP endpoint. Off, nothing is sampled, so no span is recorded,
 * and Kafka clients are not observed (no per-record work, no trace headers). On, Boot's sampler applies
 * ({@code management.tracing.sampling.probability}, 1.0 in the service defaults) and Kafka is observed.
 */
@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
public class TracingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @Conditional(TracingExport.Off.class)
    Sampler tracingOffSampler() {
        return Sampler.alwaysOff();
    }

    @Bean
    @Conditional(TracingExport.On.class)
    static BeanPostProcessor kafkaObservation() {
        return new KafkaObservation();
    }
}
