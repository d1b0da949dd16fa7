package dev.servicedesk.kit.security;

import java.util.HashMap;
import java.util.Map;

import dev.servicedesk.security.ApiAccess;
import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.ProblemResponses;
import dev.servicedesk.security.TokenAuthorities;
import dev.servicedesk.security.VerifiedTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' own check of every request: a token from the local issuer (or a configured OIDC provider)
 * and the role matrix of {@link ApiAccess}. Stateless: no session, no CSRF token, no login page.
 */
@ConditionalOnBooleanProperty(name = "servicedesk.kit.enabled", matchIfMissing = true)
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@EnableWebFluxSecurity
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityConfiguration {

    /**
     * No observation per security filter: each wraps every filter in two observations, on every request.
     * The request's own HTTP observation (metrics and, when on, its span) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http, ServiceSecurityProperties properties) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        // Browsers cannot set headers on an EventSource: the dashboard's live stream passes its token in the query.
        bearer.setAllowUriQueryParameter(true);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> ApiAccess.apply(exchanges)
                        .pathMatchers(ApiAccess.INTERNAL).hasAnyAuthority(ApiAccess.staffAuthorities())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearer)
                        .authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(
                                trustedIssuers(properties)::get))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    /** The local issuer always; an OIDC provider besides when one is configured. Tokens of any other issuer are refused. */
    static Map<String, Mono<ReactiveAuthenticationManager>> trustedIssuers(ServiceSecurityProperties properties) {
        Map<String, Mono<ReactiveAuthenticationManager>> issuers = new HashMap<>();
        ReactiveJwtDecoder local = properties.jwkSetUri() != null
                ? localFromJwkSet(properties)
                : LocalIssuer.openOrCreate(properties.keyFolder()).decoder();
        issuers.put(LocalIssuer.ISSUER, Mono.just(manager(local)));
        if (properties.oidcIssuerUri() != null && !properties.oidcIssuerUri().isBlank()) {
            // Resolved on the first token of that issuer, so a provider that is down does not stop start-up.
            issuers.put(properties.oidcIssuerUri(), Mono
                    .fromCallable(() -> manager(VerifiedTokens.remembering(ReactiveJwtDecoders.fromIssuerLocation(properties.oidcIssuerUri()))))
                    .cache());
        }
        return issuers;
    }

    private static ReactiveJwtDecoder localFromJwkSet(ServiceSecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(LocalIssuer.ISSUER));
        return VerifiedTokens.remembering(decoder);
    }

    private static ReactiveAuthenticationManager manager(ReactiveJwtDecoder decoder) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new TokenAuthorities());
        return manager;
    }

    @Bean
    PersonalDataMasking personalDataMasking() {
        return new PersonalDataMasking(JsonMapper.shared());
    }

    @Bean
    RequestCorrelation.Filter requestCorrelationFilter() {
        return new RequestCorrelation.Filter();
    }
}
