package dev.servicedesk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayWarmUpTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsEveryRequestKindSeveralTimesWithTheTokenAndOnlyBodiesThatFailValidation() throws IOException {
        ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        server = serve(exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            seen.computeIfAbsent(request, key -> new AtomicInteger()).incrementAndGet();
            if (!"Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problems.add(request + " without the token");
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("POST") && !body.equals("{}")) {
                problems.add(request + " with a body that could register something: " + body);
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });

        GatewayWarmUp.run(url(server), "t0ken");

        assertThat(problems).isEmpty();
        assertThat(seen.keySet()).containsExactlyInAnyOrder(
                "GET /api/tickets/T-0000000000000000",
                "GET /api/customers/C-000000000000",
                "GET /api/kpis/summary",
                "POST /api/tickets",
                "POST /api/tickets/T-0000000000000000/progress");
        assertThat(seen.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(GatewayWarmUp.ROUNDS * GatewayWarmUp.CONCURRENT_COPIES));
    }

    @Test
    void givesUpOnAGatewayThatDoesNotAnswerInsteadOfHoldingUpTheStart() throws IOException {
        CountDownLatch released = new CountDownLatch(1);
        List<Object> held = new CopyOnWriteArrayList<>();
        server = serve(exchange -> {
            held.add(exchange);
            try {
                released.await(30, TimeUnit.SECONDS); // never answers while the warm-up waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        long started = System.nanoTime();
        GatewayWarmUp.run(url(server), "t0ken");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        released.countDown();

        assertThat(held).isNotEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    private static HttpServer serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
