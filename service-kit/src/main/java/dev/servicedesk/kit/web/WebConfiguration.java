package dev.servicedesk.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.time.Clock;
import java.util.List;

@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
// Before Boot's WebFlux configuration, so its generic problem handler backs off in favour of ours.
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The service's OpenAPI document names no host of its own (requests go through the gateway that
     * serves it) and says every operation takes a bearer token.
     */
    @Bean
    OpenApiCustomizer gatewayRelativeApiDocument() {
        return openApi -> openApi
                .servers(List.of(new Server().url("/")))
                .components((openApi.getComponents() == null ? new Components() : openApi.getComponents())
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }
}
