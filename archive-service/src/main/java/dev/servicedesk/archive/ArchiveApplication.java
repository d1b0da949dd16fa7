package dev.servicedesk.archive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArchiveApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ArchiveApplication.class).properties("spring.config.name=archive-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
