package dev.servicedesk.benchmark.stack;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database commands the services have sent, by service, from each one's {@code /actuator/prometheus}:
 * the sum of the MongoDB driver's command timer counts ({@code mongodb_driver_commands_seconds_count}).
 * Read before and after a run, it tells how many round trips to the database a ticket costs each
 * service, the figure that batching a poll's records into one read and one bulk write keeps low.
 */
public final class DatabaseCommands {

    private static final String METRIC = "mongodb_driver_commands_seconds_count{";
    private static final Pattern APPLICATION = Pattern.compile("application=\"([^\"]+)\"");

    private final List<HttpClient> services;

    /** @param serviceUrls the services' own addresses (their actuator endpoints are not behind the gateway) */
    public DatabaseCommands(List<String> serviceUrls) {
        this.services = serviceUrls.stream()
                .map(url -> HttpClient.create().baseUrl(url).responseTimeout(Duration.ofSeconds(5)))
                .toList();
    }

    /** Commands sent so far, by application name; a service that does not answer is left out. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        Flux.fromIterable(services)
                .flatMap(MetricsPage::of)
                .toIterable()
                .forEach(text -> text.lines().filter(line -> line.startsWith(METRIC)).forEach(line -> {
                    Matcher application = APPLICATION.matcher(line);
                    if (application.find()) {
                        long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        counts.merge(application.group(1), count, Long::sum);
                    }
                }));
        return counts;
    }

    /**
     * Commands per ticket between two readings, by service and in all ({@code "all"}). Empty when a
     * service's count went down in between: it restarted, and its count began again (the kill test does
     * not ask for this figure at all, since its restarted services may count past their first reading).
     */
    public static Map<String, Double> perTicket(Map<String, Long> before, Map<String, Long> after, long tickets) {
        Map<String, Double> perTicket = new TreeMap<>();
        if (tickets <= 0) {
            return perTicket;
        }
        long all = 0;
        for (Map.Entry<String, Long> service : after.entrySet()) {
            long sent = service.getValue() - before.getOrDefault(service.getKey(), 0L);
            if (sent < 0) {
                return new TreeMap<>();
            }
            all += sent;
            perTicket.put(service.getKey(), (double) sent / tickets);
        }
        if (!perTicket.isEmpty()) {
            perTicket.put("all", (double) all / tickets);
        }
        return perTicket;
    }
}
