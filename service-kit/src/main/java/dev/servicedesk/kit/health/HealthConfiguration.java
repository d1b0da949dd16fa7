package dev.servicedesk.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties.buildAdminProperties());
    }

    @Bean
    ConsumerLag consumerLag(KafkaProperties properties, MeterRegistry meters) {
        return new ConsumerLag(properties.buildAdminProperties(), properties.getConsumer().getGroupId(), meters);
    }

    /** Named so that the readiness group can include it as {@code consumerLag}. */
    @Bean("consumerLagHealthIndicator")
    ConsumerLagHealthIndicator consumerLagHealthIndicator(ConsumerLag lag) {
        return new ConsumerLagHealthIndicator(lag);
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoHealthIndicator(mongo);
    }
}
