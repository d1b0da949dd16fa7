package dev.servicedesk.intake.publishing;

import dev.servicedesk.testsupport.TestTokens;
import dev.servicedesk.security.Role;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.ChildJvm;
import dev.servicedesk.intake.ChildKafkaBrokerMain;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import dev.servicedesk.intake.StandaloneIntake;
import dev.servicedesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker's process dies (SIGKILL) in the middle of a stream of registrations and comes back
 * on the same log directory. Clients whose request ran while it was gone got 503, never 202; and
 * every ticket answered 202, before the kill or after the restart, is on {@code ticket-events}.
 */
class BrokerKilledMidBurstIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 6;
    private static final int ACCEPTED_BEFORE_KILL = 40;
    private static final int SENT_DURING_OUTAGE = 6;
    private static final int ACCEPTED_AFTER_RESTART = 10;

    @TempDir
    Path workDir;

    /** One request: its answer (0: none) and when it was sent and answered, in nanoTime. */
    record Outcome(int status, String ticketId, long sentAt, long answeredAt) {
    }

    @Test
    @Timeout(value = 110, unit = TimeUnit.SECONDS)
    void whileTheKilledBrokerIsDownClientsGet503AndNoAcknowledgedTicketIsLost() throws Exception {
        Path logDir = workDir.resolve("kafka");
        int port = freeLoopbackPort();
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        ChildJvm broker = startBroker(logDir, port);
        try (StandaloneIntake intake = StandaloneIntake.start(TestInfrastructure.uniqueDatabase("intake-broker-killed"), Map.of(
                "spring.kafka.bootstrap-servers", broker.awaitReady(Duration.ofSeconds(60)),
                "spring.kafka.listener.auto-startup", "false",
                "servicedesk.intake.breaker.open-for", "1s"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> register(intake.baseUrl()).status() == 202);
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(() -> {
                    while (!stop.get()) {
                        Outcome outcome = register(intake.baseUrl());
                        outcomes.add(outcome);
                        if (outcome.status() != 202) {
                            LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // a client backing off
                        }
                    }
                });
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> count(outcomes, o -> o.status() == 202) >= ACCEPTED_BEFORE_KILL);
            long killing = System.nanoTime();
            broker.kill();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(outcomes, o -> o.sentAt() > killed) >= SENT_DURING_OUTAGE);
            long restarting = System.nanoTime();
            broker = startBroker(logDir, port);
            broker.awaitReady(Duration.ofSeconds(60));
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> count(outcomes, o -> o.status() == 202 && o.sentAt() > restarted) >= ACCEPTED_AFTER_RESTART);
            long recovered = System.nanoTime();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<Outcome> all = List.copyOf(outcomes);
            List<Outcome> duringOutage = all.stream().filter(o -> o.sentAt() > killed && o.answeredAt() < restarting).toList();
            List<String> accepted = all.stream().filter(o -> o.status() == 202).map(Outcome::ticketId).toList();
            System.out.printf("[broker killed] %d requests, %d accepted, %d during the outage, statuses %s;"
                            + " ms from the start: kill %d, dead %d, restart %d, ready %d, %d accepted again %d%n", all.size(),
                    accepted.size(), duringOutage.size(), all.stream().collect(Collectors.groupingBy(Outcome::status,
                            Collectors.counting())), millis(started, killing), millis(started, killed),
                    millis(started, restarting), millis(started, restarted), ACCEPTED_AFTER_RESTART, millis(started, recovered));

            assertThat(all).extracting(Outcome::status).as("intake answered every request with 202 or 503").containsOnly(202, 503);
            assertThat(duringOutage).as("requests sent and answered while the broker was dead").isNotEmpty()
                    .extracting(Outcome::status).as("no 202 without a broker to acknowledge it").containsOnly(503);
            Map<String, List<EventEnvelope>> onTopic = IntakeIntegrationSupport.eventsOnTheBrokerNow(
                    "127.0.0.1:" + port, Topics.TICKET_EVENTS, accepted);
            assertThat(onTopic.keySet()).as("every ticket answered 202 is on ticket-events after the restart")
                    .containsExactlyInAnyOrderElementsOf(accepted);
        } finally {
            stop.set(true);
            clients.shutdownNow();
            broker.close();
        }
    }

    // The restarted broker can register only once the killed one's session expired (30 s by default here).
    private ChildJvm startBroker(Path logDir, int port) {
        return ChildJvm.start("kafka", ChildKafkaBrokerMain.class, workDir, "256m",
                List.of(logDir.toString(), String.valueOf(port), "broker.session.timeout.ms=6000"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Outcome register(String baseUrl) {
        long sent = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tickets"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", TestTokens.bearer(Role.ADMIN))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            IntakeIntegrationSupport.form("消息队列进程被杀 the broker is killed"))))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String ticketId = response.statusCode() == 202 ? JSON.readTree(response.body()).get("ticketId").asString() : null;
            return new Outcome(response.statusCode(), ticketId, sent, System.nanoTime());
        } catch (IOException e) {
            return new Outcome(0, null, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, sent, System.nanoTime());
        }
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static long count(Queue<Outcome> outcomes, Predicate<Outcome> which) {
        return outcomes.stream().filter(which).count();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
