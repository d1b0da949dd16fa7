package dev.servicedesk.benchmark.archive;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Optional;

/** Reads one ticket's view from the archive and tells whether it carries its routed classification. */
final class ArchivedTicket {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param type the routed type, e.g. complaint; priority e.g. urgent */
    record Classification(String type, String priority) {
    }

    private ArchivedTicket() {
    }

    /** The classification once the archive has it; empty while it has not (404, or not routed yet). */
    static Mono<Optional<Classification>> classification(HttpClient client, String ticketId) {
        return client.get().uri("/api/tickets/" + ticketId)
                .responseSingle((response, body) -> response.status().code() == 200
                        ? body.asByteArray().map(ArchivedTicket::parse)
                        : body.then(Mono.just(Optional.<Classification>empty())))
                .timeout(Duration.ofSeconds(30))
                .onErrorReturn(Optional.empty());
    }

    private static Optional<Classification> parse(byte[] body) {
        JsonNode classification = JSON.readTree(body).path("classification");
        if (classification.isMissingNode() || classification.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Classification(classification.path("type").asString("?"),
                classification.path("priority").asString("?")));
    }
}
