package dev.servicedesk.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.MintToken;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The local issuer over HTTP: its public key as a JWK set (for services that fetch it instead of reading
 * the key folder) and, for administrators, tokens for any role.
 */
@RestController
class TokenEndpoints {

    static final String JWKS = "/oauth2/jwks";
    static final String TOKENS = "/auth/tokens";

    private final LocalIssuer issuer;

    TokenEndpoints(LocalIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(JWKS)
    Map<String, Object> jwks() {
        return issuer.jwkSet();
    }

    /**
     * @param validFor e.g. {@code 8h}, {@code 30m}, {@code 7d}; 8 hours when absent
     */
    record MintRequest(String subject, String role, String department, String channel, String validFor) {
    }

    record Minted(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping(TOKENS)
    Minted mint(@RequestBody MintRequest request) {
        Role role = Role.fromWireName(request.role()).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "role must be one of channel, agent, department, supervisor, dashboard, admin"));
        try {
            Duration validFor = request.validFor() == null ? Duration.ofHours(8) : MintToken.parseDuration(request.validFor());
            TokenRequest token = new TokenRequest(request.subject(), role, request.department(), request.channel(), validFor);
            return new Minted(issuer.mint(token), "Bearer", Instant.now().plus(validFor));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
