package dev.servicedesk.kit.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Documents are stored without Spring Data's {@code _class} field. Each collection holds one type,
 * always read as that type, so the field only took space: about 50 bytes in each document, and a
 * ticket has one document in each of five services. Documents stored with the field are still read.
 */
@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
@AutoConfiguration
public class PersistenceConfiguration {

    @Bean
    static BeanPostProcessor documentsWithoutTypeField() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof MappingMongoConverter converter) {
                    converter.setTypeMapper(new DefaultMongoTypeMapper(null, converter.getMappingContext()));
                }
                return bean;
            }
        };
    }
}
