package dev.servicedesk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

class ClientAndRouteKeyResolverTest {

    private final ClientAndRouteKeyResolver resolver = new ClientAndRouteKeyResolver();

    @Test
    void keyCombinesClientAddressAndRouteId() {
        MockServerWebExchange exchange = exchangeFrom("10.1.2.3", "archive-service");

        StepVerifier.create(resolver.resolve(exchange)).expectNext("address:10.1.2.3|archive-service").verifyComplete();
    }

    @Test
    void sameClientOnAnotherRouteHasAnotherKey() {
        String archive = resolver.resolve(exchangeFrom("10.1.2.3", "archive-service")).block();
        String intake = resolver.resolve(exchangeFrom("10.1.2.3", "intake-service")).block();

        assertThat(archive).isNotEqualTo(intake);
    }

    @Test
    void requestWithoutRemoteAddressStillGetsAKey() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets").build());

        StepVerifier.create(resolver.resolve(exchange)).expectNext("address:unknown|no-route").verifyComplete();
    }

    @Test
    void authenticatedClientIsKeyedByItsNameNotItsAddress() {
        MockServerWebExchange exchange = exchangeFrom("10.1.2.3", "archive-service");
        var caller = new org.springframework.security.authentication.TestingAuthenticationToken("kpi-wall", "n/a");

        StepVerifier.create(resolver.resolve(exchange.mutate().principal(reactor.core.publisher.Mono.just(caller)).build()))
                .expectNext("client:kpi-wall|archive-service")
                .verifyComplete();
    }

    private static MockServerWebExchange exchangeFrom(String address, String routeId) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets/T-1")
                .remoteAddress(new InetSocketAddress(address, 50123))
                .build());
        Route route = Route.async().id(routeId).uri("http://127.0.0.1:8085").predicate(e -> true).build();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        return exchange;
    }
}
