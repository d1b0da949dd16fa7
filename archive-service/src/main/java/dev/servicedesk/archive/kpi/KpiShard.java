package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.projection.Shard;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.HashMap;
import java.util.Map;

/** The KPI counters of one partition's tickets: dimension, then value, then how many tickets have it. */
@Document("kpi_counters")
class KpiShard extends Shard {

    static final String KEY = "kpi";

    Map<String, Map<String, Long>> counts = new HashMap<>();

    KpiShard() {
    }

    KpiShard(String id) {
        super(id);
    }

    void add(Map<String, String> contribution, long delta) {
        contribution.forEach((dimension, value) -> {
            Map<String, Long> values = counts.computeIfAbsent(dimension, key -> new HashMap<>());
            long count = values.getOrDefault(value, 0L) + delta;
            if (count == 0) {
                values.remove(value); // keeps the document as small as the values in use
            } else {
                values.put(value, count);
            }
            if (values.isEmpty()) {
                counts.remove(dimension);
            }
        });
    }
}
