package dev.servicedesk.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.servicedesk.security.LocalIssuer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services accept tokens, not API keys: a request authenticated by API key is forwarded with a short-lived
 * token of the local issuer saying the same (the key's name as subject, its role and binding), and never
 * with the key itself. Signing costs about a millisecond, so each key's token is reused until two thirds
 * of its validity have passed. A bearer token is forwarded as the client sent it.
 */
final class ServiceTokenRelay implements GlobalFilter, Ordered {

    static final String API_KEY_HEADER = "X-Api-Key";

    private record Minted(String token, Instant renewAfter) {
    }

    private final LocalIssuer issuer;
    private final Duration validity;
    private final Map<String, Minted> byKey = new ConcurrentHashMap<>();

    ServiceTokenRelay(LocalIssuer issuer, Duration validity) {
        this.issuer = issuer;
        this.validity = validity;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(ApiKeyAuthentication.class::isInstance)
                .map(principal -> relayed(exchange, tokenFor((ApiKeyAuthentication) principal)))
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    private String tokenFor(ApiKeyAuthentication caller) {
        Instant now = Instant.now();
        return byKey.compute(caller.key().name() + "|" + caller.key().role(), (key, minted) -> minted != null && now.isBefore(minted.renewAfter())
                ? minted
                : new Minted(issuer.mint(caller.relayToken(validity)), now.plus(validity.multipliedBy(2).dividedBy(3)))).token();
    }

    private static ServerWebExchange relayed(ServerWebExchange exchange, String token) {
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(API_KEY_HEADER);
            headers.setBearerAuth(token);
        })).build();
    }

    @Override
    public int getOrder() {
        // Before the routing filters, after nothing that needs the original headers.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
