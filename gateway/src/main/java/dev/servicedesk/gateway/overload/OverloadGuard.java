package dev.servicedesk.gateway.overload;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.servicedesk.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides whether a request is shed: while the event loop that read it lags more than
 * {@link OverloadProperties#maxEventLoopLag()} ({@link OverloadProperties#maxEventLoopLagForReads()} for a read),
 * unless its path is exempt
 * ({@link OverloadProperties#exemptPaths()}). Counts shed requests
 * ({@code servicedesk.gateway.overload.shed}), exposes the largest lag
 * ({@code servicedesk.gateway.event-loop.lag}) and logs at most one line per 10 s while shedding, since a
 * line per request would itself load the gateway.
 */
@Component
class OverloadGuard implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OverloadGuard.class);
    private static final long LOG_EVERY = TimeUnit.SECONDS.toNanos(10);

    private final OverloadProperties properties;
    private final EventLoopLag lag;
    private final long maxLagNanos;
    private final long maxReadLagNanos;
    private final Counter shed;
    private final byte[] problem;
    private final String retryAfterSeconds;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY);

    OverloadGuard(OverloadProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.lag = new EventLoopLag(properties.probeInterval().toNanos());
        this.maxLagNanos = properties.maxEventLoopLag().toNanos();
        this.maxReadLagNanos = Math.min(maxLagNanos, properties.maxEventLoopLagForReads().toNanos());
        this.shed = meters.counter("servicedesk.gateway.overload.shed");
        Gauge.builder("servicedesk.gateway.event-loop.lag", lag, probes -> probes.maxLagNanos() / 1e9)
                .baseUnit("seconds").description("How far the most delayed event loop of the gateway is behind")
                .register(meters);
        this.retryAfterSeconds = Problems.retryAfterSeconds(properties.retryAfter());
        this.problem = ("{\"type\":\"" + Problems.TYPE_BASE + "overloaded\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"The service desk is overloaded; retry after " + retryAfterSeconds + " s\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return properties.enabled();
    }

    void watch(EventLoop loop) {
        lag.watch(loop);
    }


    boolean shouldShed(EventLoop loop, HttpMethod method, String uri) {
        if (exempt(uri)) {
            return false;
        }
        long behind = lag.lagNanos(loop);
        if (behind <= (isRead(method) ? maxReadLagNanos : maxLagNanos)) {
            return false;
        }
        shed.increment();
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last >= LOG_EVERY && lastLogged.compareAndSet(last, now)) {
            log.warn("Shedding requests with 503: an event loop is {} ms behind (limit {} ms)",
                    TimeUnit.NANOSECONDS.toMillis(behind), properties.maxEventLoopLag().toMillis());
        }
        return true;
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private boolean exempt(String uri) {
        for (String path : properties.exemptPaths()) {
            if (uri.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    byte[] problem() {
        return problem;
    }

    String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public void destroy() {
        lag.stop();
    }
}
