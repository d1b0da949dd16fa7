package dev.servicedesk.gateway.security;

import java.util.List;

import dev.servicedesk.security.TokenRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller who presented a valid API key; its name is the key's name. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeys.ApiKey key;

    ApiKeyAuthentication(ApiKeys.ApiKey key) {
        super(List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.key = key;
        setAuthenticated(true);
    }

    ApiKeys.ApiKey key() {
        return key;
    }

    /** What the token forwarded to the services says about this caller. */
    TokenRequest relayToken(java.time.Duration validFor) {
        return new TokenRequest(key.name(), key.role(), key.binding(), key.binding(), validFor);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.name();
    }
}
