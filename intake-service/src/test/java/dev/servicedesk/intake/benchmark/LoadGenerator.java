package dev.servicedesk.intake.benchmark;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The benchmark's client, run in a process of its own so that its event loops, heap and JIT do not
 * share a JVM with the servers it measures. Offers the same registration to the bare endpoint and
 * to intake in alternating phases: warm-up, a fixed rate, then saturation.
 *
 * <p>Arguments: bare URL, intake URL, rate, fixed-load seconds, saturation seconds, saturation
 * concurrency, warm-up seconds per target, the services' process id, the broker and database's
 * process id. Every phase stops after its duration; each request times out after 5 s. Throughput and
 * latency count accepted requests (202) only; 503s, which intake answers when it sheds load, are
 * counted apart.
 */
public final class LoadGenerator {

    static final String BODY = """
            {"channel":"phone","customer":{"name":"张伟","phone":"138 0000 1234","email":"zhang.wei@example.com",\
            "tier":"member"},"orderNumber":"SO-2026-0001","product":{"name":"电热水壶 Kettle","batch":"B-7"},\
            "description":"水壶底座漏电，插上电源后有焦味 The kettle base leaks current and smells burnt",\
            "customerRequest":"退款或换新 refund or replacement","occurredAt":"2026-11-20T09:30:00+08:00",\
            "preferredContact":"phone","language":"zh-CN","attachments":["https://files.example/photo-1.jpg"]}""";
    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Intake and the bare endpoint; and the broker with the database. Set from the arguments. */
    private static ProcessHandle services;
    private static ProcessHandle infrastructure;

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        String bareUrl = args[0];
        String intakeUrl = args[1];
        int rate = Integer.parseInt(args[2]);
        Duration fixedFor = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration saturateFor = Duration.ofSeconds(Long.parseLong(args[4]));
        int concurrency = Integer.parseInt(args[5]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[6]));
        services = ProcessHandle.of(Long.parseLong(args[7])).orElseThrow();
        infrastructure = ProcessHandle.of(Long.parseLong(args[8])).orElseThrow();

        print("warm-up bare", "saturation", phase(concurrency, client -> saturate(client, bareUrl, concurrency, warmUp)));
        print("warm-up intake", "saturation", phase(concurrency, client -> saturate(client, intakeUrl, concurrency, warmUp)));
        // A short fixed-rate pass each, so the JIT has also seen the paced code paths before they count.
        phase(concurrency, client -> fixedRate(client, bareUrl, rate, Duration.ofSeconds(3)));
        phase(concurrency, client -> fixedRate(client, intakeUrl, rate, Duration.ofSeconds(3)));
        Result bareFixed = phase(concurrency, client -> fixedRate(client, bareUrl, rate, fixedFor));
        Result intakeFixed = phase(concurrency, client -> fixedRate(client, intakeUrl, rate, fixedFor));
        Result bareSaturated = phase(concurrency, client -> saturate(client, bareUrl, concurrency, saturateFor));
        Result intakeSaturated = phase(concurrency, client -> saturate(client, intakeUrl, concurrency, saturateFor));

        System.out.println();
        System.out.println("                                    accepted (202)                   503s     other"
                + "     CPU µs per request sent");
        System.out.println("target              load                req/s     p50 ms    p99 ms     shed   errors"
                + "   service  broker+db  client");
        print("bare WebFlux", "fixed " + rate + "/s", bareFixed);
        print("intake", "fixed " + rate + "/s", intakeFixed);
        print("bare WebFlux", "saturation", bareSaturated);
        print("intake", "saturation", intakeSaturated);
        System.out.printf(Locale.ROOT, "%nintake / bare throughput at saturation: %.1f %%%n",
                100.0 * intakeSaturated.throughput() / bareSaturated.throughput());
        System.out.printf(Locale.ROOT, "intake p99 at %d req/s offered: %.2f ms (target <= 25 ms), %.0f accepted/s, %.1f %% shed%n",
                rate, intakeFixed.p99(), intakeFixed.throughput(), intakeFixed.shedPercent());
        // CPU per request depends far less on what else the machine runs than requests per second do.
        double bareService = bareSaturated.perRequest(bareSaturated.servicesCpuNanos());
        double intakeService = intakeSaturated.perRequest(intakeSaturated.servicesCpuNanos());
        System.out.printf(Locale.ROOT, "CPU per request at saturation, service alone: bare %.0f µs, intake %.0f µs (bare / intake %.1f %%)%n",
                bareService, intakeService, 100.0 * bareService / intakeService);
        System.out.printf(Locale.ROOT, "CPU per request at saturation, with broker, database and client: bare %.0f µs,"
                + " intake %.0f µs (bare / intake %.1f %%)%n", bareSaturated.allInPerRequest(), intakeSaturated.allInPerRequest(),
                100.0 * bareSaturated.allInPerRequest() / intakeSaturated.allInPerRequest());
        System.exit(0);
    }

    /**
     * Each phase gets its own connections, so requests a cut-off phase left behind cannot slow the next.
     * It starts once the server process has gone quiet, so work left over from the phase before (the
     * projection catching up) is not charged to it, and records the CPU time both processes spent.
     */
    private static Result phase(int concurrency, Function<HttpClient, Result> body) {
        awaitQuietServers();
        long servicesCpuBefore = cpuNanos(services);
        long infrastructureCpuBefore = cpuNanos(infrastructure);
        long clientCpuBefore = cpuNanos(ProcessHandle.current());
        ConnectionProvider connections = ConnectionProvider.builder("benchmark")
                .maxConnections(Math.max(concurrency, 256)).pendingAcquireMaxCount(-1).build();
        try {
            Result result = body.apply(HttpClient.create(connections).responseTimeout(REQUEST_TIMEOUT)
                    .headers(h -> h.set("Content-Type", "application/json")));
            // Work the phase caused but finished later (the projection's writes) belongs to it.
            awaitQuietServers();
            return result.withCpu(cpuNanos(services) - servicesCpuBefore, cpuNanos(infrastructure) - infrastructureCpuBefore,
                    cpuNanos(ProcessHandle.current()) - clientCpuBefore);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    /** Waits, at most 20 s, until the servers together used under 5 % of one core over half a second. */
    private static void awaitQuietServers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long window = TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < deadline) {
            long before = cpuNanos(services) + cpuNanos(infrastructure);
            LockSupport.parkNanos(window);
            if (cpuNanos(services) + cpuNanos(infrastructure) - before < window / 20) {
                return;
            }
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Offers {@code rate} requests per second regardless of how fast answers come back; latency is
     * counted from when each request was due, so a stalled server cannot hide its queueing delay.
     */
    private static Result fixedRate(HttpClient client, String url, int rate, Duration duration) {
        long total = rate * duration.toSeconds();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        Outcomes outcomes = new Outcomes();
        long start = System.nanoTime();
        int perTick = Math.max(1, rate / 1000);
        Mono<Void> run = Flux.interval(Duration.ofNanos(periodNanos * perTick))
                .take((total + perTick - 1) / perTick)
                .onBackpressureBuffer()
                .flatMap(tick -> Flux.range(0, perTick).map(i -> start + (tick * perTick + i) * periodNanos), Integer.MAX_VALUE)
                .takeWhile(due -> due - start < duration.toNanos())
                .flatMap(due -> send(client, url)
                        .doOnNext(status -> record(histogram, outcomes, status, System.nanoTime() - due)), Integer.MAX_VALUE)
                .then();
        return finish(run, duration, histogram, outcomes, start);
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}: the throughput ceiling. */
    private static Result saturate(HttpClient client, String url, int concurrency, Duration duration) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        Outcomes outcomes = new Outcomes();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long budget = 2_000_000; // requests; ends a phase early on an implausibly fast machine
        Mono<Void> run = Flux.range(0, concurrency)
                .flatMap(worker -> Mono.defer(() -> {
                            long sent = System.nanoTime();
                            return send(client, url).doOnNext(status -> record(histogram, outcomes, status, System.nanoTime() - sent));
                        })
                        .repeat(() -> System.nanoTime() < deadline && histogram.getTotalCount() + outcomes.failed() < budget),
                        concurrency)
                .then();
        return finish(run, duration, histogram, outcomes, start);
    }

    /** Runs a phase to its end, or gives up on stragglers once every request has had its timeout. */
    private static Result finish(Mono<Void> run, Duration duration, Histogram histogram, Outcomes outcomes, long start) {
        try {
            run.block(duration.plus(REQUEST_TIMEOUT).plusSeconds(5));
        } catch (IllegalStateException stragglers) {
            System.out.println("  (phase cut off: requests still open after their timeout are left out)");
        }
        return new Result(histogram, outcomes.shed.get(), outcomes.errors.get(), System.nanoTime() - start, 0, 0, 0);
    }

    /** The response's status code, or 0 when none came in time. */
    private static Mono<Integer> send(HttpClient client, String url) {
        ByteBuf body = Unpooled.wrappedBuffer(BODY_BYTES);
        return client.post().uri(url + "/api/tickets").send(Mono.just(body))
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                .timeout(REQUEST_TIMEOUT)
                .onErrorReturn(0);
    }

    /** Only accepted requests (202) count towards throughput and latency; 503s are load the server shed. */
    private static synchronized void record(Histogram histogram, Outcomes outcomes, int status, long nanos) {
        if (status == 202) {
            histogram.recordValue(Math.min(nanos, histogram.getHighestTrackableValue()));
        } else if (status == 503) {
            outcomes.shed.incrementAndGet();
        } else {
            outcomes.errors.incrementAndGet();
        }
    }

    private record Outcomes(AtomicLong shed, AtomicLong errors) {
        Outcomes() {
            this(new AtomicLong(), new AtomicLong());
        }

        long failed() {
            return shed.get() + errors.get();
        }
    }

    private static void print(String target, String load, Result result) {
        System.out.printf(Locale.ROOT, "%-18s  %-16s %9.0f %9.2f %9.2f %8d %8d %9.0f %10.0f %7.0f%n", target, load,
                result.throughput(), result.p50(), result.p99(), result.shed(), result.errors(), result.perRequest(result.servicesCpuNanos()),
                result.perRequest(result.infrastructureCpuNanos()), result.perRequest(result.clientCpuNanos()));
    }

    private record Result(Histogram histogram, long shed, long errors, long elapsedNanos, long servicesCpuNanos,
                          long infrastructureCpuNanos, long clientCpuNanos) {
        Result withCpu(long servicesCpu, long infrastructureCpu, long clientCpu) {
            return new Result(histogram, shed, errors, elapsedNanos, servicesCpu, infrastructureCpu, clientCpu);
        }

        /** CPU microseconds per request sent. */
        double perRequest(long cpuNanos) {
            return cpuNanos / 1e3 / Math.max(1, histogram.getTotalCount() + shed + errors);
        }

        double allInPerRequest() {
            return perRequest(servicesCpuNanos + infrastructureCpuNanos + clientCpuNanos);
        }

        double shedPercent() {
            return 100.0 * shed / Math.max(1, histogram.getTotalCount() + shed + errors);
        }

        double throughput() {
            return histogram.getTotalCount() / (elapsedNanos / 1e9);
        }

        double p50() {
            return histogram.getValueAtPercentile(50) / 1e6;
        }

        double p99() {
            return histogram.getValueAtPercentile(99) / 1e6;
        }
    }
}
