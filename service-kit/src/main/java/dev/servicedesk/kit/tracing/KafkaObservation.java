package dev.servicedesk.kit.tracing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Observes every Kafka send and every received record: the template writes the current trace into the
 * record's headers, and the listener containers continue it. Our listeners take whole polls, so each
 * record of a poll gets its own consumer span ({@code recordObservationsInBatch}); the poll's shared work
 * (one database round trip for hundreds of tickets) belongs to no single trace.
 */
class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTemplate<?, ?> template) {
            template.setObservationEnabled(true);
        } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            ContainerProperties properties = factory.getContainerProperties();
            properties.setObservationEnabled(true);
            properties.setRecordObservationsInBatch(true);
        }
        return bean;
    }
}
