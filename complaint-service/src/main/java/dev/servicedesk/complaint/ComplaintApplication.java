package dev.servicedesk.complaint;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ComplaintApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ComplaintApplication.class).properties("spring.config.name=complaint-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
