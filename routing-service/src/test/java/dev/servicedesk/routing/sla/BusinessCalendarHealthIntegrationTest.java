package dev.servicedesk.routing.sla;

import dev.servicedesk.routing.RoutingIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class BusinessCalendarHealthIntegrationTest extends RoutingIntegrationSupport {

    @Autowired
    WebTestClient web;

    @Test
    void healthSaysHowFarAheadTheConfiguredCalendarIsKnownWithoutTouchingReadiness() {
        web.get().uri("/actuator/health").exchange()
                .expectBody()
                .jsonPath("$.components.businessCalendar.details.coveredThrough").isEqualTo("2027-12-31")
                .jsonPath("$.components.businessCalendar.details.warnDaysAhead").isEqualTo(90);
        web.get().uri("/actuator/health/readiness").exchange()
                .expectBody().jsonPath("$.components.businessCalendar").doesNotExist();
    }
}
