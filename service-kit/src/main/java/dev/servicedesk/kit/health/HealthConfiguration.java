package dev.servicedesk.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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
    MongoHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoHealthIndicator(mongo);
    }
}
