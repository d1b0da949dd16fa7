package dev.servicedesk.kit.security;

import java.util.Map;
import java.util.Set;

import dev.servicedesk.security.Caller;
import dev.servicedesk.security.ProblemResponses;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks customers' names, phones and emails in every JSON answer to a caller whose roles do not need
 * them (channel, department, dashboard), wherever they appear: a ticket's customer, a list's
 * {@code customerName}, an event payload in a timeline. A caller acting only as a channel also sees only
 * its own channel's tickets: another channel's ticket is answered as not found, so its existence is not
 * revealed. Callers who see personal data pay nothing; the others pay one parse and one write per answer.
 */
public final class PersonalDataMasking implements WebFilter, Ordered {

    private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email");
    private static final Set<String> PERSONAL_FIELDS = Set.of("phone", "email", "customerName");

    private final JsonMapper json;

    public PersonalDataMasking(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> Caller.of((Authentication) principal))
                .filter(caller -> !caller.seesPersonalData() || caller.isChannelOnly())
                .map(caller -> exchange.mutate().response(new MaskingResponse(exchange, caller)).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100), which establishes the principal.
        return 0;
    }

    /** Masks every personal field in this tree, in place. */
    static void mask(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(PersonalDataMasking::mask);
        } else if (node instanceof ObjectNode object) {
            boolean hasContact = CONTACT_FIELDS.stream().anyMatch(object::has);
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isString() && (PERSONAL_FIELDS.contains(name) || (hasContact && name.equals("name")))) {
                    field.setValue(object.stringNode(masked(name, value.asString())));
                } else if (name.equals("customer") && value instanceof ObjectNode customer && customer.get("name") != null
                        && customer.get("name").isString()) {
                    customer.put("name", masked("name", customer.get("name").asString()));
                    mask(customer);
                } else {
                    mask(value);
                }
            }
        }
    }

    static String masked(String field, String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (field) {
            case "phone" -> maskDigitsButLast(value, 4);
            case "email" -> {
                int at = value.indexOf('@');
                yield at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
            }
            default -> new StringBuilder().appendCodePoint(value.codePointAt(0)).append("**").toString();
        };
    }

    private static String maskDigitsButLast(String value, int keep) {
        long digits = value.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(value.length());
        long seen = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c) && ++seen <= digits - keep) {
                masked.append('*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private final class MaskingResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final Caller caller;

        MaskingResponse(ServerWebExchange exchange, Caller caller) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.caller = caller;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            MediaType type = getHeaders().getContentType();
            if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(body).flatMap(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                JsonNode tree = json.readTree(bytes);
                if (caller.isChannelOnly() && !ownedByChannel(tree)) {
                    return ProblemResponses.write(notFoundExchange(), HttpStatus.NOT_FOUND, "not-found",
                            "Nothing at " + exchange.getRequest().getPath().value() + " for channel " + caller.channel());
                }
                mask(tree);
                byte[] masked = json.writeValueAsBytes(tree);
                getHeaders().setContentLength(masked.length);
                return super.writeWith(Mono.just(bufferFactory().wrap(masked)));
            });
        }

        /** A channel reads single tickets of its own channel only. */
        private boolean ownedByChannel(JsonNode tree) {
            if (!(tree instanceof ObjectNode ticket) || tree.get("channel") == null) {
                return false;
            }
            return ticket.get("channel").asString().equalsIgnoreCase(caller.channel());
        }

        /** The problem is written through the undecorated response so it is not parsed again. */
        private ServerWebExchange notFoundExchange() {
            getHeaders().remove("Content-Length");
            ServerHttpResponse original = getDelegate();
            return exchange.mutate().response(original).build();
        }
    }
}
