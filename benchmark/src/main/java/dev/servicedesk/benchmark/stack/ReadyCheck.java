package dev.servicedesk.benchmark.stack;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for the gateway to answer the KPI summary, which needs the gateway and the archive up. */
public final class ReadyCheck {

    private ReadyCheck() {
    }

    /** @return whether it answered 200 within {@code max}; {@code alive} false ends the wait early */
    public static boolean awaitGateway(HttpClient client, Duration max, BooleanSupplier alive) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            if (answers(client)) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return false;
    }

    static boolean answers(HttpClient client) {
        Integer status = client.get().uri("/api/kpis/summary")
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .timeout(Duration.ofSeconds(5))
                .onErrorReturn(0)
                .block();
        // 401: the gateway and the archive answer, and want a token the benchmark mints next
        return status != null && (status == 200 || status == 401);
    }
}
