package dev.servicedesk.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keys a bucket by client address and route id. The Bucket4j limiter looks buckets up by this key alone,
 * so without the route id one busy route would drain a client's allowance on every other route.
 * Behind a trusted proxy, set {@code server.forward-headers-strategy=native} so the address is the client's.
 */
class ClientAndRouteKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "no-route";
        return Mono.just(clientAddress(exchange.getRequest().getRemoteAddress()) + "|" + routeId);
    }

    private static String clientAddress(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
