package dev.servicedesk.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests that change nothing through the gateway before the stack reports itself up: a
 * ticket and a customer that do not exist, the KPI summary, and a registration and a progress report
 * that fail validation. The first request through a just-started gateway took 0.7 s, loading and
 * compiling the request path on an event loop, and the gateway's overload guard answered 503 to what
 * queued behind it: 5 of 300 registrations at 5/s and 14 of 600 at 10/s, right after the start.
 */
final class GatewayWarmUp {

    static final int ROUNDS = 3;
    /** Copies of each request in flight at once, so that connections land on every event loop. */
    static final int CONCURRENT_COPIES = 4;
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(5);

    private GatewayWarmUp() {
    }

    static void run(String gatewayUrl, String token) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<HttpRequest> requests = List.of(
                get(gatewayUrl + "/api/tickets/T-0000000000000000", token),
                get(gatewayUrl + "/api/customers/C-000000000000", token),
                get(gatewayUrl + "/api/kpis/summary", token),
                post(gatewayUrl + "/api/tickets", token),
                post(gatewayUrl + "/api/tickets/T-0000000000000000/progress", token));
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
            for (HttpRequest request : requests) {
                for (int copy = 0; copy < CONCURRENT_COPIES; copy++) {
                    sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
                }
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(ROUND_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return; // only a warm-up: the stack serves without it, just slower at first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpRequest post(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }
}
