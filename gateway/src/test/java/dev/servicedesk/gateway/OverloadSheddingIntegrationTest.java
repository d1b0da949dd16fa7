package dev.servicedesk.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.servicedesk.security.Role;
import dev.servicedesk.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's event loops are held busy for 1.5 s, as a CPU-starved gateway's are: a request that
 * arrives meanwhile waits unread. Once its loop reads it the loop is far behind, so it is answered at once
 * with 503, Retry-After and a problem document, without reaching the backend. Its connection stays
 * usable: once the loops have caught up, the next request on it passes. Reads are shed at a smaller lag
 * than registrations, so a moderately late gateway still takes customers' requests.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // 1 s rather than 500 ms: a loop held 300 ms and then delayed by a busy machine must stay under it
        properties = {"spring.config.name=gateway", "servicedesk.gateway.overload.max-event-loop-lag=1s"})
@Import(OverloadSheddingIntegrationTest.ServerLoops.class)
class OverloadSheddingIntegrationTest {

    static final StubBackend intake = StubBackend.start("intake");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", intake::uri);
        GatewayTestSecurity.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopBackend() {
        intake.close();
    }

    @Test
    void requestsReadByALaggingEventLoopAreAnsweredServiceUnavailableAtOnceAndTheConnectionStaysUsable() throws Exception {
        intake.replyAlways(StubBackend.Reply.status(202));
        try (HttpConnection connection = new HttpConnection(port)) {
            assertThat(connection.register("warm-up").status()).isEqualTo(202);
            int forwardedBefore = intake.requests().size();
            double shedBefore = meters.counter("servicedesk.gateway.overload.shed").count();

            CountDownLatch stalled = stallEventLoops(Duration.ofMillis(1500));
            long sent = System.nanoTime();
            Answer shed = connection.register("during-stall");
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(shed.status()).isEqualTo(503);
            assertThat(shed.headers()).containsEntry("retry-after", "1").containsEntry("content-type", "application/problem+json");
            assertThat(shed.body()).contains("\"status\":503", "overloaded");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(intake.requests()).hasSize(forwardedBefore);
            assertThat(meters.counter("servicedesk.gateway.overload.shed").count()).isEqualTo(shedBefore + 1);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(connection.register("after-stall").status()).isEqualTo(202));
            assertThat(intake.requests()).hasSize(forwardedBefore + 1);
        }
    }

    @Test
    void readsAreShedAtALagThatStillLetsRegistrationsThrough() throws Exception {
        intake.replyAlways(StubBackend.Reply.status(202));
        try (HttpConnection connection = new HttpConnection(port)) {
            assertThat(connection.register("warm-up-reads-first").status()).isEqualTo(202);
            int forwardedBefore = intake.requests().size();
            double shedBefore = meters.counter("servicedesk.gateway.overload.shed").count();

            // 300 ms: past the limit for reads (100 ms), well within the one for everything else (1 s here)
            CountDownLatch stalled = stallEventLoops(Duration.ofMillis(300));
            Answer read = connection.get("/api/tickets/T-0000000000000001");
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch stalledAgain = stallEventLoops(Duration.ofMillis(300));
            Answer registration = connection.register("during-short-stall");
            assertThat(stalledAgain.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(read.status()).isEqualTo(503);
            assertThat(read.body()).contains("overloaded");
            assertThat(registration.status()).isEqualTo(202);
            assertThat(intake.requests()).hasSize(forwardedBefore + 1);
            assertThat(meters.counter("servicedesk.gateway.overload.shed").count()).isEqualTo(shedBefore + 1);
        }
    }

    @Test
    void healthProbesAndMetricScrapesAreAnsweredWhileTheGatewaySheds() throws Exception {
        intake.replyAlways(StubBackend.Reply.status(202));
        try (HttpConnection connection = new HttpConnection(port)) {
            assertThat(connection.register("warm-up-probe").status()).isEqualTo(202);
            double shedBefore = meters.counter("servicedesk.gateway.overload.shed").count();

            CountDownLatch stalled = stallEventLoops(Duration.ofMillis(1500));
            Answer liveness = connection.get("/actuator/health/liveness");
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch stalledAgain = stallEventLoops(Duration.ofMillis(1500));
            Answer scrape = connection.get("/actuator/prometheus");
            assertThat(stalledAgain.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.body()).contains("UP");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("servicedesk_gateway_overload_shed_total");
            assertThat(meters.counter("servicedesk.gateway.overload.shed").count()).isEqualTo(shedBefore);
        }
    }

    /**
     * Occupies every event loop of the gateway's server for {@code stall} and returns once all are occupied,
     * so a request sent next waits for its loop (a loop woken by both a task and a readable socket reads the
     * socket first); the latch opens when all are free again.
     */
    private static CountDownLatch stallEventLoops(Duration stall) throws InterruptedException {
        List<EventExecutor> loops = new ArrayList<>();
        ServerLoops.group.get().forEach(loops::add);
        CountDownLatch started = new CountDownLatch(loops.size());
        CountDownLatch done = new CountDownLatch(loops.size());
        for (EventExecutor loop : loops) {
            loop.execute(() -> {
                started.countDown();
                try {
                    // The stall itself, not a wait for a condition: the loop can run nothing else meanwhile.
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return done;
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** One kept-alive HTTP/1.1 connection, written and read by hand so that every request goes over it. */
    static final class HttpConnection implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;

        HttpConnection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        }

        Answer register(String key) throws IOException {
            byte[] body = ("{\"channel\":\"web\",\"description\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestTokens.bearer(Role.ADMIN)
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        }

        Answer get(String path) throws IOException {
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return read();
        }

        private Answer read() throws IOException {
            int status = Integer.parseInt(line().split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return new Answer(status, headers, chunkedBody());
            }
            byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
            in.readFully(body);
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private String chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                byte[] chunk = new byte[size];
                in.readFully(chunk);
                body.write(chunk);
                line();
            }
            line();
            return body.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Remembers the event loop group of the gateway's server, which is its own, not Reactor Netty's shared one. */
    @TestConfiguration
    static class ServerLoops {

        static final AtomicReference<EventLoopGroup> group = new AtomicReference<>();

        @Bean
        NettyServerCustomizer rememberServerLoops() {
            return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> group.set(channel.eventLoop().parent()));
        }
    }
}
