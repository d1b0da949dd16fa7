package dev.servicedesk.routing.cluster;

import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.classification.Phrase;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Detects problem clusters (DOMAIN §7). All state lives in one MongoDB document per product (and
 * batch) changed only by atomic updates, so instances consuming different partitions agree:
 * a report is added with {@code $addToSet} (a redelivery adds nothing), and a cluster is opened
 * by a conditional update that only one instance can win; the others join their ticket to it.
 * The ticket that completed a cluster is recorded, so handling it again reproduces the same event.
 *
 * <p>Tickets joining an open cluster are not added as reports: their cluster's {@code lastAt} is
 * moved forward instead ({@code $max}), so a hot product's document stays the size of what made its
 * cluster, not of everything reported since. An open cluster lasts while reports keep coming within
 * the window: when it was last reported is its {@code lastAt}, extended by the chain of reports
 * stored after it (none further apart than the window), and every instance reads the same answer.
 */
@Component
public class ProblemClusterDetector {

    static final String COLLECTION = "problem_reports";
    private static final int KEY_CONCURRENCY = 16;

    private final ReactiveMongoTemplate mongo;
    private final ClusterProperties properties;

    ProblemClusterDetector(ReactiveMongoTemplate mongo, ClusterProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** One ticket reporting a problem with a product. */
    public record Report(String ticketId, String customerId, ProductRef product, Instant at) {
    }

    public boolean counts(TicketType type, ProductRef product) {
        return product != null && product.name() != null && !product.name().isBlank()
                && properties.types().contains(type.wireName());
    }

    public Mono<ClusterOutcome> report(String ticketId, String customerId, ProductRef product, Instant at) {
        return reportAll(List.of(new Report(ticketId, customerId, product, at))).map(outcomes -> outcomes.get(ticketId));
    }

    /**
     * {@link #report} for a poll's worth of tickets. One read of the products' documents first: a
     * product whose cluster is open for all its tickets of the poll just links them, with one small
     * update moving the cluster's {@code lastAt} forward ({@code $max}, so a redelivery or another
     * instance's older report changes nothing). The others take two more round trips: one bulk of
     * upserts (one per product, {@code $addToSet} so a redelivery adds nothing) and one read of
     * those products' documents; then per product, its tickets in order, each evaluated as if the
     * later ones had not reported yet. Only opening a cluster (a conditional update) and pruning
     * write more. A product's document so holds the reports up to its cluster and few after.
     *
     * @return the outcome per ticket id
     */
    public Mono<Map<String, ClusterOutcome>> reportAll(List<Report> reports) {
        if (reports.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, List<Report>> byKey = new LinkedHashMap<>();
        reports.forEach(report -> byKey.computeIfAbsent(key(report.product()), key -> new ArrayList<>()).add(report));
        Map<String, ClusterOutcome> outcomes = new ConcurrentHashMap<>();
        return read(byKey.keySet())
                .flatMap(before -> {
                    Map<String, List<Report>> unclustered = new LinkedHashMap<>();
                    var links = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    byKey.forEach((key, group) -> {
                        if (!link(before.get(key), group, outcomes)) {
                            unclustered.put(key, group);
                        } else {
                            Date latest = Date.from(group.stream().map(Report::at).max(Comparator.naturalOrder()).orElseThrow());
                            links.updateOne(byId(key), new Update().max("cluster.lastAt", latest));
                        }
                    });
                    Mono<?> linked = unclustered.size() < byKey.size() ? links.execute() : Mono.empty();
                    return linked.then(addAndEvaluate(unclustered, outcomes));
                })
                .then(Mono.fromSupplier(() -> outcomes));
    }

    /**
     * Links every ticket of the group to the product's cluster if it is open for all of them.
     *
     * @return whether it did
     */
    private boolean link(Document document, List<Report> group, Map<String, ClusterOutcome> outcomes) {
        Document cluster = document == null ? null : document.get("cluster", Document.class);
        if (cluster == null || !group.stream().allMatch(report -> isOpen(document, cluster, report.at()))) {
            return false;
        }
        List<String> listed = cluster.getList("ticketIds", String.class);
        group.forEach(report -> outcomes.put(report.ticketId(), listed.contains(report.ticketId())
                ? outcomeOf(cluster, report.ticketId(), report.product())
                : new ClusterOutcome(cluster.getString("id"), null)));
        return true;
    }

    private Mono<Void> addAndEvaluate(Map<String, List<Report>> byKey, Map<String, ClusterOutcome> outcomes) {
        if (byKey.isEmpty()) {
            return Mono.empty();
        }
        // an upsert racing another instance's upsert of the same new product may fail on the key: once more then
        return Mono.defer(() -> {
                    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    byKey.forEach((key, group) -> bulk.upsert(byId(key), new Update()
                            .addToSet("reports").each(group.stream().map(r -> entry(r.ticketId(), r.customerId(), r.at())).toArray())
                            .setOnInsert("product", productDocument(group.get(0).product()))));
                    return bulk.execute();
                })
                .retry(2)
                .then(read(byKey.keySet()))
                // products are independent of each other; each one's tickets are evaluated in order
                .flatMap(documents -> Flux.fromIterable(byKey.entrySet())
                        .flatMap(group -> evaluateInOrder(group.getKey(), documents.get(group.getKey()), group.getValue(), outcomes),
                                KEY_CONCURRENCY)
                        .then());
    }

    private Mono<Map<String, Document>> read(Collection<String> keys) {
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, COLLECTION)
                .collectMap(document -> document.getString("_id"));
    }

    /**
     * The tickets of one product, in order, each as if the later ones had not reported yet: the
     * ticket that completes a cluster opens it, the ones after it join.
     */
    private Mono<Void> evaluateInOrder(String key, Document document, List<Report> group, Map<String, ClusterOutcome> outcomes) {
        if (document == null) { // cannot happen after the upsert; nothing to decide on
            group.forEach(report -> outcomes.put(report.ticketId(), ClusterOutcome.NONE));
            return Mono.empty();
        }
        Set<String> later = new HashSet<>();
        group.forEach(report -> later.add(report.ticketId()));
        Document[] current = {document};
        return Flux.fromIterable(group)
                .concatMap(report -> {
                    later.remove(report.ticketId());
                    return evaluate(key, current[0], report, later, 0);
                })
                .doOnNext(evaluated -> {
                    outcomes.put(evaluated.ticketId(), evaluated.outcome());
                    current[0] = evaluated.document();
                })
                .then(Mono.defer(() -> prune(key, current[0], group.get(group.size() - 1).at())));
    }

    /** A ticket's outcome and the document as it stands after it. */
    private record Evaluated(String ticketId, ClusterOutcome outcome, Document document) {
    }

    /**
     * @param later tickets whose reports are in the document but that are evaluated after this one
     */
    private Mono<Evaluated> evaluate(String key, Document document, Report report, Set<String> later, int attempt) {
        Document cluster = document.get("cluster", Document.class);
        String ticketId = report.ticketId();
        if (cluster != null && cluster.getList("ticketIds", String.class).contains(ticketId)) {
            return Mono.just(new Evaluated(ticketId, outcomeOf(cluster, ticketId, report.product()), document));
        }
        if (cluster != null && isOpen(document, cluster, report.at())) {
            return Mono.just(new Evaluated(ticketId, new ClusterOutcome(cluster.getString("id"), null), document));
        }
        List<Document> reports = document.getList("reports", Document.class);
        if (!later.isEmpty()) {
            reports = reports.stream().filter(entry -> !later.contains(entry.getString("ticketId"))).toList();
        }
        Opening opening = opening(reports, cluster, key, ticketId, report.at());
        if (opening == null || attempt > 2) {
            return Mono.just(new Evaluated(ticketId, ClusterOutcome.NONE, document));
        }
        return mongo.findAndModify(opening.query(), opening.update(), FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION)
                .map(updated -> new Evaluated(ticketId,
                        outcomeOf(updated.get("cluster", Document.class), ticketId, report.product()), updated))
                // another instance opened a cluster first: read it again and join that one
                .switchIfEmpty(Mono.defer(() -> mongo.findOne(byId(key), Document.class, COLLECTION)
                        .flatMap(fresh -> evaluate(key, fresh, report, later, attempt + 1))));
    }

    /** A conditional update that opens a cluster, won only while no other cluster was opened meanwhile. */
    private record Opening(Query query, Update update) {
    }

    /**
     * @return how to open a cluster for the ticket reporting at {@code at}, or {@code null} when too few
     *         customers reported within the window
     */
    private Opening opening(List<Document> reports, Document cluster, String key, String ticketId, Instant at) {
        List<Document> recent = reports.stream()
                .filter(report -> Math.abs(report.getDate("at").getTime() - at.toEpochMilli()) <= properties.window().toMillis())
                .sorted(Comparator.comparing(report -> report.getDate("at")))
                .toList();
        Set<String> customers = new LinkedHashSet<>();
        recent.forEach(report -> customers.add(report.getString("customerId")));
        if (customers.size() < properties.minCustomers()) {
            return null;
        }
        List<String> tickets = recent.stream().map(report -> report.getString("ticketId")).distinct().toList();
        String clusterId = UUID.nameUUIDFromBytes((key + "/" + ticketId).getBytes(StandardCharsets.UTF_8)).toString();
        Document opened = new Document("id", clusterId)
                .append("openedBy", ticketId)
                .append("ticketIds", new ArrayList<>(tickets))
                .append("customerIds", new ArrayList<>(customers))
                .append("windowStart", recent.get(0).getDate("at"))
                .append("detectedAt", Date.from(at))
                .append("lastAt", Date.from(at));
        Criteria noOpenCluster = cluster == null
                ? Criteria.where("cluster").is(null)
                : Criteria.where("cluster.id").is(cluster.getString("id"));
        return new Opening(Query.query(Criteria.where("_id").is(key).andOperator(noOpenCluster)), new Update().set("cluster", opened));
    }

    /** The cluster is open for a report at {@code at} when it was last reported at most a window before. */
    private boolean isOpen(Document document, Document cluster, Instant at) {
        return at.toEpochMilli() - lastReported(document, cluster) <= properties.window().toMillis();
    }

    /**
     * When the cluster was last reported: from its {@code lastAt}, every later report no further than
     * the window from the one before extends it.
     */
    private long lastReported(Document document, Document cluster) {
        long last = cluster.getDate("lastAt").getTime();
        long window = properties.window().toMillis();
        long[] later = document.getList("reports", Document.class).stream()
                .mapToLong(report -> report.getDate("at").getTime())
                .filter(at -> at > cluster.getDate("lastAt").getTime())
                .sorted()
                .toArray();
        for (long at : later) {
            if (at - last > window) {
                break;
            }
            last = at;
        }
        return last;
    }

    /**
     * Reports older than two windows can no longer make or join a cluster. The open cluster's
     * {@code lastAt} is brought forward first, so that pruning cannot break the chain of its reports.
     */
    private Mono<Void> prune(String key, Document document, Instant at) {
        if (document.getList("reports", Document.class).size() <= properties.pruneAbove()) {
            return Mono.empty();
        }
        Date cutoff = Date.from(at.minus(properties.window().multipliedBy(2)));
        Update update = new Update().pull("reports", new Document("at", new Document("$lt", cutoff)));
        Document cluster = document.get("cluster", Document.class);
        if (cluster != null) {
            update.max("cluster.lastAt", new Date(lastReported(document, cluster)));
        }
        return mongo.updateFirst(byId(key), update, COLLECTION).then();
    }

    private static ClusterOutcome outcomeOf(Document cluster, String ticketId, ProductRef product) {
        String clusterId = cluster.getString("id");
        if (!ticketId.equals(cluster.getString("openedBy"))) {
            return new ClusterOutcome(clusterId, null);
        }
        ProblemClusterDetected detected = new ProblemClusterDetected(clusterId, product,
                List.copyOf(cluster.getList("ticketIds", String.class)),
                List.copyOf(cluster.getList("customerIds", String.class)),
                cluster.getDate("windowStart").toInstant(), cluster.getDate("detectedAt").toInstant());
        return new ClusterOutcome(clusterId, detected);
    }

    private static Document entry(String ticketId, String customerId, Instant at) {
        return new Document("ticketId", ticketId).append("customerId", customerId).append("at", Date.from(at));
    }

    private static Document productDocument(ProductRef product) {
        return new Document("name", product.name().strip()).append("batch", batch(product));
    }

    private static Query byId(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    /** Product names compared without case or width differences; no batch means "any batch". */
    static String key(ProductRef product) {
        return Phrase.normalize(product.name()).strip() + "|" + Phrase.normalize(batch(product)).strip();
    }

    private static String batch(ProductRef product) {
        return product.batch() == null || product.batch().isBlank() ? "" : product.batch().strip();
    }
}
