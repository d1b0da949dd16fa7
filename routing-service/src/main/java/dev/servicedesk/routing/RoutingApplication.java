package dev.servicedesk.routing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RoutingApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RoutingApplication.class).properties("spring.config.name=routing-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
