package dev.servicedesk.benchmark.load;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import dev.servicedesk.benchmark.stack.Credentials;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends requests to the gateway over a pool of keep-alive connections. Every POST carries its own
 * {@code Idempotency-Key}. No request waits longer than {@link #TIMEOUT}.
 */
public final class HttpDriver implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionProvider connections;
    private final HttpClient client;

    public HttpDriver(URI target, int maxConnections) {
        connections = ConnectionProvider.builder("servicedesk-benchmark")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(TIMEOUT)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        client = HttpClient.create(connections)
                .baseUrl(target.toString())
                .responseTimeout(TIMEOUT)
                .headers(headers -> {
                    headers.set("Content-Type", "application/json").set("Accept", "application/json");
                    if (Credentials.bearer() != null) {
                        headers.set("Authorization", Credentials.bearer());
                    }
                });
    }

    /** Sends {@code request}; reads the answer's body only when {@code keepBody}. */
    public Mono<Answer> send(PlannedRequest request, boolean keepBody) {
        HttpClient.ResponseReceiver<?> receiver = request.isPost()
                ? client.headers(h -> h.set("Idempotency-Key", UUID.randomUUID().toString()))
                .post().uri(request.path()).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())))
                : client.get().uri(request.path());
        return receiver.responseSingle((response, content) -> keepBody
                        ? content.asByteArray().map(bytes -> new Answer(response.status().code(), bytes, null))
                        .defaultIfEmpty(new Answer(response.status().code(), new byte[0], null))
                        : content.then(Mono.just(new Answer(response.status().code(), null, null))))
                .timeout(TIMEOUT.plusSeconds(1))
                .onErrorResume(error -> Mono.just(Answer.failed(error)));
    }

    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
    }
}
