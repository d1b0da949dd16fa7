package dev.servicedesk.archive.kpi;

import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketDocument.Fields;
import dev.servicedesk.archive.ticket.TicketStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the KPI summary in one aggregation over the ticket read model. Uses only stages that
 * real MongoDB and mongo-java-server both run: $facet, $sortByCount, $match, $group.
 */
@Component
class KpiQueries {

    static final String UNKNOWN = "unknown";

    private static final Map<String, String> VOLUMES = Map.of(
            "byChannel", Fields.CHANNEL,
            "byType", Fields.TYPE,
            "byPriority", Fields.PRIORITY,
            "byDepartment", Fields.DEPARTMENT,
            "byStatus", Fields.STATUS);

    private final ReactiveMongoTemplate mongo;

    KpiQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<KpiSummary> summary() {
        Document facets = new Document();
        VOLUMES.forEach((name, field) -> facets.append(name, List.of(new Document("$sortByCount", "$" + field))));
        facets.append("needsReviewByStatus", List.of(new Document("$match", new Document(Fields.NEEDS_REVIEW, true)),
                new Document("$sortByCount", "$" + Fields.STATUS)));
        facets.append("escalated", countWhere(new Document(Fields.ESCALATED, true)));
        List<Document> pipeline = List.of(new Document("$facet", facets));
        return mongo.getCollection(TicketDocument.COLLECTION)
                .flatMap(collection -> Mono.from(collection.aggregate(pipeline)))
                .defaultIfEmpty(new Document()) // no collection yet: everything counts zero
                .map(KpiQueries::toSummary);
    }

    private static List<Document> countWhere(Document filter) {
        return List.of(new Document("$match", filter),
                new Document("$group", new Document("_id", null).append("count", new Document("$sum", 1))));
    }

    static KpiSummary toSummary(Document result) {
        Map<String, Long> byStatus = volumes(result, "byStatus");
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long resolved = byStatus.entrySet().stream()
                .filter(entry -> !TicketStatus.isOpen(statusOf(entry.getKey())))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long needsReview = volumes(result, "needsReviewByStatus").entrySet().stream()
                .filter(entry -> TicketStatus.isOpen(statusOf(entry.getKey())))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new KpiSummary(total, total - resolved, resolved, needsReview, count(result, "escalated"),
                volumes(result, "byChannel"), volumes(result, "byType"), volumes(result, "byPriority"),
                volumes(result, "byDepartment"), byStatus);
    }

    private static Map<String, Long> volumes(Document result, String facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.getList(facet, Document.class, List.of()).stream()
                .map(group -> Map.entry(group.get("_id") == null ? UNKNOWN : group.get("_id").toString(),
                        ((Number) group.get("count")).longValue()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        return counts;
    }

    private static String statusOf(String key) {
        return UNKNOWN.equals(key) ? null : key;
    }

    private static long count(Document result, String facet) {
        List<Document> groups = result.getList(facet, Document.class, List.of());
        return groups.isEmpty() ? 0 : ((Number) groups.get(0).get("count")).longValue();
    }
}
