package dev.servicedesk.gateway.security;

import java.util.HashMap;
import java.util.Map;

import dev.servicedesk.security.ApiAccess;
import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.ProblemResponses;
import org.springframework.security.config.observation.SecurityObservationSettings;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenAuthorities;
import dev.servicedesk.security.VerifiedTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * The front door: who the caller is (bearer token or API key) and whether its role may make the request,
 * before any route, rate limit or circuit breaker. Stateless: no session, no CSRF token, no login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    /**
     * No observation per security filter: each wraps every filter in a checkpoint and two observations,
     * and an error, such as a request shed by admission, then walks all of them building assembly traces.
     * The request's own HTTP observation (metrics and, when on, its span) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    LocalIssuer localIssuer(GatewaySecurityProperties properties) {
        return LocalIssuer.openOrCreate(properties.keyFolder());
    }

    @Bean
    ApiKeys apiKeys(GatewaySecurityProperties properties) {
        return new ApiKeys(properties.apiKeysFile());
    }

    @Bean
    ServiceTokenRelay serviceTokenRelay(LocalIssuer issuer, GatewaySecurityProperties properties) {
        return new ServiceTokenRelay(issuer, properties.relayTokenValidity());
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, LocalIssuer issuer, ApiKeys apiKeys,
                                           GatewaySecurityProperties properties) {
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
                        .pathMatchers(HttpMethod.GET, TokenEndpoints.JWKS).permitAll()
                        .pathMatchers(HttpMethod.POST, TokenEndpoints.TOKENS).hasAuthority(Role.ADMIN.authority())
                        // Intake's record of a ticket is for the services and operators on their own network.
                        .pathMatchers(ApiAccess.INTERNAL).denyAll()
                        .anyExchange().authenticated())
                .addFilterAt(apiKeyAuthentication(apiKeys), SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearer)
                        .authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(
                                trustedIssuers(issuer, properties)::get))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    /** Authenticates requests carrying {@code X-Api-Key}; others pass on to the bearer token check. */
    private static AuthenticationWebFilter apiKeyAuthentication(ApiKeys apiKeys) {
        ReactiveAuthenticationManager manager = authentication -> Mono.justOrEmpty(apiKeys.find((String) authentication.getCredentials()))
                .<org.springframework.security.core.Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown API key")));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(
                        exchange.getRequest().getHeaders().getFirst(ServiceTokenRelay.API_KEY_HEADER))
                .map(key -> new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("api-key", key)));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(ProblemResponses.unauthenticated()));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    private static Map<String, Mono<ReactiveAuthenticationManager>> trustedIssuers(LocalIssuer issuer,
                                                                                    GatewaySecurityProperties properties) {
        Map<String, Mono<ReactiveAuthenticationManager>> issuers = new HashMap<>();
        JwtReactiveAuthenticationManager local = new JwtReactiveAuthenticationManager(issuer.decoder());
        local.setJwtAuthenticationConverter(new TokenAuthorities());
        issuers.put(LocalIssuer.ISSUER, Mono.just(local));
        if (properties.oidcIssuerUri() != null && !properties.oidcIssuerUri().isBlank()) {
            issuers.put(properties.oidcIssuerUri(), Mono.fromCallable(() -> {
                JwtReactiveAuthenticationManager oidc = new JwtReactiveAuthenticationManager(
                        VerifiedTokens.remembering(ReactiveJwtDecoders.fromIssuerLocation(properties.oidcIssuerUri())));
                oidc.setJwtAuthenticationConverter(new TokenAuthorities());
                return (ReactiveAuthenticationManager) oidc;
            }).cache());
        }
        return issuers;
    }
}
