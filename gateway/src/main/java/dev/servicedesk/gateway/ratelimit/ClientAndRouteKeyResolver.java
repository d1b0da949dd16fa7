package dev.servicedesk.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keys a bucket by client and route id. The client is the API key's name or the token's subject when the
 * caller is authenticated, so many users behind one address each get their own allowance; the address
 * only for anonymous calls. The Bucket4j limiter looks buckets up by this key alone, so without the route
 * id one busy route would drain a client's allowance on every other route. Behind a trusted proxy, set
 * {@code server.forward-headers-strategy=native} so the address is the client's.
 */
class ClientAndRouteKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "no-route";
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "client:" + name)
                .defaultIfEmpty("address:" + clientAddress(exchange.getRequest().getRemoteAddress()))
                .map(client -> client + "|" + routeId);
    }

    private static String clientAddress(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
