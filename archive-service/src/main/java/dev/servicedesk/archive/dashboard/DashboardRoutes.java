package dev.servicedesk.archive.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/** The page itself is a static resource; the root and the bare folder path lead to it. */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    static final URI PAGE = URI.create("/dashboard/index.html");

    @Bean
    RouterFunction<ServerResponse> dashboardRedirects() {
        return route(GET("/"), request -> ServerResponse.temporaryRedirect(PAGE).build())
                .andRoute(GET("/dashboard"), request -> ServerResponse.temporaryRedirect(PAGE).build())
                .andRoute(GET("/dashboard/"), request -> ServerResponse.temporaryRedirect(PAGE).build());
    }
}
