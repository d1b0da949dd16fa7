package dev.servicedesk.routing;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Binds the shipped YAML (rules and service settings) to properties records without starting Spring. */
public final class RoutingRules {

    private static final Binder BINDER = binder();

    private RoutingRules() {
    }

    public static <T> T bind(String prefix, Class<T> type) {
        return BINDER.bindOrCreate(prefix, type);
    }

    private static Binder binder() {
        MutablePropertySources sources = new MutablePropertySources();
        try {
            for (String file : new String[] {"routing-service.yml", "routing-rules.yml"}) {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                    sources.addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources));
    }
}
