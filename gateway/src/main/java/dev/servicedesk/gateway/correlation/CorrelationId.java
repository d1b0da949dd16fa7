package dev.servicedesk.gateway.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** The correlation id of one request: where it comes from and where it is kept. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Exchange attribute holding the id, shared by the original and every mutated exchange. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();

    /** Ids are echoed into headers and logs, so only short, plain tokens are accepted from clients. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The client's {@code X-Correlation-Id}, else its {@code X-Request-Id}, else a new UUID. */
    static String resolve(HttpHeaders headers) {
        return accepted(headers.getFirst(HEADER))
                .or(() -> accepted(headers.getFirst(REQUEST_ID_HEADER)))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    static Optional<String> accepted(String candidate) {
        return Optional.ofNullable(candidate).map(String::strip).filter(id -> ACCEPTED.matcher(id).matches());
    }

    /** The id the gateway assigned to this exchange, if the correlation filter has run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
