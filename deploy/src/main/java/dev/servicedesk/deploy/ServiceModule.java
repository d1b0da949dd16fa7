package dev.servicedesk.deploy;

import dev.servicedesk.archive.ArchiveApplication;
import dev.servicedesk.complaint.ComplaintApplication;
import dev.servicedesk.followup.FollowupApplication;
import dev.servicedesk.intake.IntakeApplication;
import dev.servicedesk.routing.RoutingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.function.Supplier;

/** The services behind the gateway, with their default ports and the variable the gateway reads their address from. */
enum ServiceModule {
    INTAKE("intake-service", 8081, "INTAKE_URI", IntakeApplication::builder),
    ROUTING("routing-service", 8082, "ROUTING_URI", RoutingApplication::builder),
    COMPLAINT("complaint-service", 8083, "COMPLAINT_URI", ComplaintApplication::builder),
    FOLLOWUP("followup-service", 8084, "FOLLOWUP_URI", FollowupApplication::builder),
    ARCHIVE("archive-service", 8085, "ARCHIVE_URI", ArchiveApplication::builder);

    private final String serviceName;
    private final int defaultPort;
    private final String gatewayVariable;
    private final Supplier<SpringApplicationBuilder> builder;

    ServiceModule(String serviceName, int defaultPort, String gatewayVariable, Supplier<SpringApplicationBuilder> builder) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.gatewayVariable = gatewayVariable;
        this.builder = builder;
    }

    String serviceName() {
        return serviceName;
    }

    int defaultPort() {
        return defaultPort;
    }

    String gatewayVariable() {
        return gatewayVariable;
    }

    SpringApplicationBuilder builder() {
        return builder.get();
    }
}
