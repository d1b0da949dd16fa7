package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.projection.ShardIds;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The KPI summary: the sum of the counter shards, read by id. */
@Component
class KpiReads {

    static final int DAYS = 14;

    private final ReactiveMongoTemplate mongo;
    private final ShardIds shardIds;
    private final KpiCounters counters;
    private final Clock clock;

    KpiReads(ReactiveMongoTemplate mongo, ShardIds shardIds, KpiCounters counters, Clock clock) {
        this.mongo = mongo;
        this.shardIds = shardIds;
        this.counters = counters;
        this.clock = clock;
    }

    Mono<KpiSummary> summary() {
        return mongo.find(query(where("_id").in(shardIds.of(KpiShard.KEY))), KpiShard.class)
                .reduce(new HashMap<String, Map<String, Long>>(), (sum, shard) -> {
                    shard.counts.forEach((dimension, values) -> values.forEach((value, count) ->
                            sum.computeIfAbsent(dimension, key -> new HashMap<>()).merge(value, count, Long::sum)));
                    return sum;
                })
                .map(this::toSummary);
    }

    KpiSummary toSummary(Map<String, Map<String, Long>> counts) {
        Map<String, Long> state = counts.getOrDefault(KpiCounters.STATE, Map.of());
        LocalDate today = counters.today(clock.instant());
        List<KpiSummary.Day> daily = new ArrayList<>();
        for (int back = DAYS - 1; back >= 0; back--) {
            String day = today.minusDays(back).toString();
            daily.add(new KpiSummary.Day(today.minusDays(back),
                    counts.getOrDefault(KpiCounters.RECEIVED_ON, Map.of()).getOrDefault(day, 0L),
                    counts.getOrDefault(KpiCounters.RESOLVED_ON, Map.of()).getOrDefault(day, 0L)));
        }
        return new KpiSummary(
                counts.getOrDefault(KpiCounters.TOTAL, Map.of()).getOrDefault(KpiCounters.TOTAL, 0L),
                state.getOrDefault(KpiCounters.OPEN, 0L),
                state.getOrDefault(KpiCounters.RESOLVED, 0L),
                counts.getOrDefault(KpiCounters.NEEDS_REVIEW, Map.of()).getOrDefault(KpiCounters.OPEN, 0L),
                counts.getOrDefault(KpiCounters.ESCALATED, Map.of()).getOrDefault(KpiCounters.ESCALATED, 0L),
                largestFirst(counts.get("channel")), largestFirst(counts.get("type")),
                largestFirst(counts.get("priority")), largestFirst(counts.get("department")),
                largestFirst(counts.get("status")), daily);
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        if (counts != null) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        }
        return ordered;
    }
}
