package dev.servicedesk.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server on a loopback port standing in for one service. It records every request and answers
 * with scripted replies, then with a default JSON echo naming itself. Asked for {@code text/event-stream},
 * it streams three events 400 ms apart.
 */
final class StubBackend implements AutoCloseable {

    record Recorded(String method, String uri, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    record Reply(int status, String contentType, String body, Duration delay, Map<String, String> headers) {

        static Reply status(int status) {
            return new Reply(status, "application/json", "{\"status\":" + status + "}", Duration.ZERO, Map.of());
        }

        Reply body(String contentType, String body) {
            return new Reply(status, contentType, body, delay, headers);
        }

        Reply after(Duration delay) {
            return new Reply(status, contentType, body, delay, headers);
        }

        Reply header(String name, String value) {
            return new Reply(status, contentType, body, delay, Map.of(name, value));
        }
    }

    private final String name;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> scripted = new ConcurrentLinkedQueue<>();
    private volatile Reply fallbackReply;
    private final DisposableServer server;

    private StubBackend(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    static StubBackend start(String name) {
        return new StubBackend(name);
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answer the next requests with these replies, in order, then with the default again. */
    void replyNext(Reply... replies) {
        scripted.addAll(List.of(replies));
    }

    /** Answer every request not scripted with this reply (null: the default echo). */
    void replyAlways(Reply reply) {
        fallbackReply = reply;
    }

    void reset() {
        requests.clear();
        scripted.clear();
        fallbackReply = null;
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            Map<String, String> headers = new HashMap<>();
            request.requestHeaders().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
            requests.add(new Recorded(request.method().name(), request.uri(), Map.copyOf(headers), body));
            String accept = request.requestHeaders().get(HttpHeaderNames.ACCEPT, "");
            if (accept.contains("text/event-stream")) {
                return stream(response);
            }
            Reply reply = scripted.poll();
            if (reply == null) {
                reply = fallbackReply != null ? fallbackReply : echo(request);
            }
            Reply chosen = reply;
            return Mono.delay(chosen.delay()).then(Mono.defer(() -> {
                response.status(chosen.status()).header(HttpHeaderNames.CONTENT_TYPE, chosen.contentType());
                chosen.headers().forEach(response::header);
                return response.sendString(Mono.just(chosen.body())).then();
            }));
        });
    }

    private Reply echo(HttpServerRequest request) {
        return Reply.status(200).body("application/json",
                "{\"backend\":\"" + name + "\",\"method\":\"" + request.method().name() + "\",\"path\":\"" + request.fullPath() + "\"}");
    }

    private Mono<Void> stream(HttpServerResponse response) {
        Flux<String> events = Flux.interval(Duration.ofMillis(400)).take(3).map(i -> "data: tick-" + i + "\n\n");
        return response.status(200).header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream").sendString(events).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
