package dev.servicedesk.followup;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class FollowupApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FollowupApplication.class).properties("spring.config.name=followup-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
