package dev.servicedesk.kit.messaging;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.MalformedEventException;
import dev.servicedesk.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kafka wiring shared by every service: topics with their dead-letter twins, the acknowledged
 * publisher, and an error handler that retries with backoff and then dead-letters the record with
 * the failure reason in its headers ({@code kafka_dlt-exception-message} and friends).
 */
@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class MessagingConfiguration {

    /**
     * A listener factory that hands a whole poll to the listener, with Boot's settings and the
     * dead-lettering error handler: one database round trip can then serve hundreds of records.
     * A batch listener reports an unusable record with {@code BatchListenerFailedException} and its index.
     */
    public static final String BATCH_LISTENER_FACTORY = "batchListenerFactory";

    /**
     * Event topics keep their records forever by default: they are the system's log of record, and read
     * models are rebuilt by replaying them from the start.
     */
    @Bean
    KafkaAdmin.NewTopics servicedeskTopics(@Value("${servicedesk.kafka.partitions:6}") int partitions,
                                           @Value("${servicedesk.kafka.replication-factor:1}") short replicas,
                                           @Value("${servicedesk.kafka.retention-ms:-1}") long retentionMs) {
        List<NewTopic> topics = Topics.eventTopics().stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs))
                        .build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, EventEnvelope> template) {
        return new EventPublisher(template);
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, EventEnvelope> template,
                                                 KafkaProperties properties,
                                                 @Value("${servicedesk.kafka.retry.initial-interval:200ms}") java.time.Duration initial,
                                                 @Value("${servicedesk.kafka.retry.max-elapsed:5s}") java.time.Duration maxElapsed) {
        // Records that failed to deserialize arrive as raw bytes; everything else as envelopes.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate(properties));
        templates.put(EventEnvelope.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class,
                IllegalArgumentException.class);
        return handler;
    }

    private static KafkaTemplate<String, byte[]> rawTemplate(KafkaProperties properties) {
        ProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }
}
