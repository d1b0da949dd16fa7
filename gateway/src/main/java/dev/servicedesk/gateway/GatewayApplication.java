package dev.servicedesk.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the gateway. Its configuration is {@code gateway.yml} (not {@code application.yml}) so that
 * every service can run as its own application context in one JVM without reading another's file.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
