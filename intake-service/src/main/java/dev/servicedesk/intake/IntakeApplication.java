package dev.servicedesk.intake;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=intake-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
