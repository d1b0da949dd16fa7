package dev.servicedesk.kit.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code servicedesk-defaults.yml} with the lowest precedence: Kafka serialisation and
 * delivery guarantees, MongoDB representation, actuator exposure and health groups, loopback binding.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "servicedesk-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Off for non-service applications that share a classpath with the services (the gateway in the local stack).
        if (!environment.getProperty("servicedesk.kit.enabled", Boolean.class, true)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
