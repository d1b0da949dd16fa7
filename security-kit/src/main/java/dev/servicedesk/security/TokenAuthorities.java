package dev.servicedesk.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Turns a token's {@value TokenClaims#ROLES} claim into {@link Role#authority()} authorities; unknown roles grant nothing. */
public final class TokenAuthorities implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        List<SimpleGrantedAuthority> authorities = Caller.rolesOf(token).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(token, authorities, token.getSubject()));
    }
}
