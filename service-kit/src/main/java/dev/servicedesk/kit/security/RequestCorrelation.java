package dev.servicedesk.kit.security;

import java.util.Optional;

import dev.servicedesk.security.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The correlation id a request arrived with ({@code X-Correlation-Id}, set by the gateway), kept in the
 * Reactor context of the request's pipeline so that code publishing an event for it can read it without
 * passing it through every method.
 */
public final class RequestCorrelation {

    private static final Object KEY = RequestCorrelation.class;

    private RequestCorrelation() {
    }

    /** The request's correlation id, if the pipeline serves a request that carried one. */
    public static Optional<String> from(ContextView context) {
        return context.getOrEmpty(KEY);
    }

    /** Writes the id into the context and echoes it on the response. */
    public static final class Filter implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String id = ProblemResponses.correlationId(exchange);
            if (id == null) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(ProblemResponses.CORRELATION_HEADER, id);
            return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
