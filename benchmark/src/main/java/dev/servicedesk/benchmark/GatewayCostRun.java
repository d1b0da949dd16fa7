package dev.servicedesk.benchmark;

import dev.servicedesk.benchmark.stack.Credentials;
import dev.servicedesk.benchmark.stack.ManagedStack;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway costs per request: the same authenticated read ({@code GET /api/tickets/{id}} of one
 * ticket, answered by the archive) sent {@code --requests} times straight to the archive's port (the
 * gateway's plus 5, as in the local stack) and as
 * many times through the gateway, with the stack's CPU time read around each phase. The stack's idle
 * burn (consumers polling, timers) is measured first and taken off each phase for its duration. The
 * difference per request is the gateway's own work, authentication and its token relay included.
 */
final class GatewayCostRun {

    /** The archive listens this far above the gateway in the local stack (8085 and 8080). */
    static final int ARCHIVE_PORT_ABOVE_GATEWAY = 5;
    private static final int IN_FLIGHT = 8;
    private static final int ROUNDS = 2;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(3);
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchmarkOptions options;
    private final ManagedStack stack;

    GatewayCostRun(BenchmarkOptions options, ManagedStack stack) {
        this.options = options;
        this.stack = stack;
    }

    /** A phase's figures: CPU in the stack less its idle burn, per request. */
    record Phase(String name, int requests, double wallSeconds, double cpuMillis, double idleCpuMillis, Map<Integer, Integer> statuses) {

        double cpuMillisPerRequest() {
            return (cpuMillis - idleCpuMillis) / requests;
        }
    }

    /** Runs both phases and prints them; returns what went wrong (empty when every read was answered 200). */
    List<String> run() throws InterruptedException {
        if (!stack.cpu().known()) {
            throw new IllegalStateException("gateway-cost needs the stack's CPU time: pass --start-stack or --stack-pid=");
        }
        URI gatewayUri = options.target();
        int archivePort = gatewayUri.getPort() + ARCHIVE_PORT_ABOVE_GATEWAY;
        URI archiveUri = URI.create(gatewayUri.getScheme() + "://" + gatewayUri.getHost() + ":" + archivePort);
        ConnectionProvider connections = ConnectionProvider.builder("gateway-cost").maxConnections(2 * IN_FLIGHT).build();
        try {
            HttpClient gateway = client(connections, gatewayUri);
            HttpClient archive = client(connections, archiveUri);
            String ticketId = createTicket(gateway);
            String path = "/api/tickets/" + ticketId;
            System.out.printf("gateway-cost: reading %s, %,d times per phase, %d in flight%n", path, options.requests(), IN_FLIGHT);

            // Warm both paths up (JIT, connection pools) as much as they are then measured.
            phase("warm-up direct", archive, path, options.requests(), 0);
            phase("warm-up gateway", gateway, path, options.requests(), 0);

            double idleCpuPerSecond = idleCpuMillisPerSecond();
            // Two alternating rounds, so a drift in the machine's other load falls on both paths alike.
            List<Phase> phases = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                int half = options.requests() / ROUNDS;
                phases.add(phase("direct to archive :" + archivePort, archive, path, half, idleCpuPerSecond));
                phases.add(phase("through the gateway", gateway, path, half, idleCpuPerSecond));
            }
            Phase direct = total("direct, both rounds", phases.stream().filter(phase -> phase.name().startsWith("direct")).toList());
            Phase through = total("gateway, both rounds", phases.stream().filter(phase -> phase.name().startsWith("through")).toList());

            print(idleCpuPerSecond, phases, direct, through);
            List<String> problems = new ArrayList<>();
            for (Phase phase : List.of(direct, through)) {
                phase.statuses().forEach((status, count) -> {
                    if (status != 200) {
                        problems.add(phase.name() + ": " + count + " answered " + (status == 0 ? "nothing" : status));
                    }
                });
            }
            return problems;
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static HttpClient client(ConnectionProvider connections, URI base) {
        return HttpClient.create(connections).baseUrl(base.toString()).responseTimeout(REQUEST_TIMEOUT)
                .headers(headers -> {
                    headers.set("Accept", "application/json");
                    if (Credentials.bearer() != null) {
                        headers.set("Authorization", Credentials.bearer());
                    }
                });
    }

    /** Registers one ticket (retrying with the same idempotency key while the stack warms up) and waits until the archive shows it. */
    private static String createTicket(HttpClient gateway) throws InterruptedException {
        String body = """
                {"channel":"web","customer":{"name":"Gateway Cost","phone":"+86 139 0000 0000"},
                 "description":"A ticket the gateway cost run reads again and again."}""";
        String idempotencyKey = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String answer = "";
        Matcher id = TICKET_ID.matcher(answer);
        while (!(answer.startsWith("202") && id.find())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not register the ticket to read within 120 s: " + answer);
            }
            answer = gateway.headers(headers -> headers.set("Content-Type", "application/json").set("Idempotency-Key", idempotencyKey))
                    .post().uri("/api/tickets").send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8))))
                    .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                            .map(text -> response.status().code() + " " + text))
                    .timeout(REQUEST_TIMEOUT.plusSeconds(1))
                    .onErrorResume(failure -> Mono.just("no answer: " + failure))
                    .block();
            answer = answer == null ? "" : answer;
            id = TICKET_ID.matcher(answer);
        }
        String ticketId = id.group(1);
        while (status(gateway, "/api/tickets/" + ticketId) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the archive did not show " + ticketId + " within 120 s");
            }
            Thread.sleep(200);
        }
        return ticketId;
    }

    private static int status(HttpClient client, String path) {
        Integer code = client.get().uri(path).responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                .timeout(REQUEST_TIMEOUT.plusSeconds(1))
                .onErrorReturn(0)
                .block();
        return code == null ? 0 : code;
    }

    /** The stack's CPU while nobody sends it anything. */
    private double idleCpuMillisPerSecond() throws InterruptedException {
        long cpuBefore = stack.cpu().nanos();
        long started = System.nanoTime();
        Thread.sleep(IDLE_WINDOW.toMillis());
        double seconds = (System.nanoTime() - started) / 1e9;
        return (stack.cpu().nanos() - cpuBefore) / 1e6 / seconds;
    }

    private Phase phase(String name, HttpClient client, String path, int requests, double idleCpuMillisPerSecond) {
        long cpuBefore = stack.cpu().nanos();
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = Flux.range(0, requests)
                .flatMap(i -> client.get().uri(path)
                        .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                        .timeout(REQUEST_TIMEOUT.plusSeconds(1))
                        .onErrorReturn(0), IN_FLIGHT)
                .collect(() -> new TreeMap<Integer, Integer>(), (counts, status) -> counts.merge(status, 1, Integer::sum))
                // Bounded whatever happens: every request times out on its own well before this.
                .block(Duration.ofSeconds(30).plus(REQUEST_TIMEOUT.multipliedBy(Math.max(1, requests / IN_FLIGHT / 100))));
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (stack.cpu().nanos() - cpuBefore) / 1e6;
        return new Phase(name, requests, wallSeconds, cpuMillis, idleCpuMillisPerSecond * wallSeconds, statuses);
    }

    private static Phase total(String name, List<Phase> phases) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        phases.forEach(phase -> phase.statuses().forEach((status, count) -> statuses.merge(status, count, Integer::sum)));
        return new Phase(name, phases.stream().mapToInt(Phase::requests).sum(), phases.stream().mapToDouble(Phase::wallSeconds).sum(),
                phases.stream().mapToDouble(Phase::cpuMillis).sum(), phases.stream().mapToDouble(Phase::idleCpuMillis).sum(), statuses);
    }

    private static void print(double idleCpuPerSecond, List<Phase> rounds, Phase direct, Phase through) {
        System.out.println();
        System.out.printf(Locale.ROOT, "stack idle: %.1f ms CPU per second, taken off each phase for its duration%n", idleCpuPerSecond);
        System.out.printf(Locale.ROOT, "%-28s %9s %9s %9s %14s  %s%n", "phase", "requests", "req/s", "CPU ms", "CPU ms/request", "statuses");
        List<Phase> rows = new ArrayList<>(rounds);
        rows.add(direct);
        rows.add(through);
        for (Phase phase : rows) {
            System.out.printf(Locale.ROOT, "%-28s %,9d %,9.0f %,9.0f %14.3f  %s%n", phase.name(), phase.requests(),
                    phase.requests() / phase.wallSeconds(), phase.cpuMillis() - phase.idleCpuMillis(),
                    phase.cpuMillisPerRequest(), phase.statuses());
        }
        System.out.printf(Locale.ROOT, "gateway cost: %.3f ms CPU per request (through the gateway minus direct)%n",
                through.cpuMillisPerRequest() - direct.cpuMillisPerRequest());
    }
}
