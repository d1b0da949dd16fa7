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
 * every report is added with {@code $addToSet} (a redelivery adds nothing), and a cluster is opened
 * by a conditional update that only one instance can win; the others link their ticket to it.
 * The ticket that completed a cluster is recorded, so handling it again reproduces the same event.
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

    public boolean counts(TicketType type, ProductRef product) {
        return product != null && product.name() != null && !product.name().isBlank()
                && properties.types().contains(type.wireName());
    }

    public Mono<ClusterOutcome> report(String ticketId, String customerId, ProductRef product, Instant at) {
        String key = key(product);
        Update update = new Update().addToSet("reports", entry(ticketId, customerId, at))
                .setOnInsert("product", productDocument(product));
        return mongo.findAndModify(byId(key), update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .flatMap(document -> evaluate(key, document, ticketId, customerId, at, product, 0)
                        .flatMap(outcome -> prune(key, document, at).thenReturn(outcome)));
    }

    /**
     * {@link #report} for a poll's worth of tickets with few round trips: one bulk of upserts (one
     * per product, {@code $addToSet} so a redelivery adds nothing), one read of those products'
     * documents, then per ticket in order the same evaluation as {@link #report}. Opening a
     * cluster stays a conditional update that only one instance can win; the tickets that join an
     * open cluster are added with one update per cluster, guarded by the cluster's id, and any whose
     * cluster was replaced meanwhile are reported again one by one.
     *
     * @return the outcome per ticket id
     */
    public Mono<Map<String, ClusterOutcome>> reportAll(List<Report> reports) {
        if (reports.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, List<Report>> byKey = new LinkedHashMap<>();
        reports.forEach(report -> byKey.computeIfAbsent(key(report.product()), key -> new ArrayList<>()).add(report));
        // an upsert racing another instance's upsert of the same new product may fail on the key: once more then
        return Mono.defer(() -> {
                    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    byKey.forEach((key, group) -> bulk.upsert(byId(key), new Update()
                            .addToSet("reports").each(group.stream().map(r -> entry(r.ticketId(), r.customerId(), r.at())).toArray())
                            .setOnInsert("product", productDocument(group.get(0).product()))));
                    return bulk.execute();
                })
                .retry(2)
                .then(mongo.find(Query.query(Criteria.where("_id").in(byKey.keySet())), Document.class, COLLECTION)
                        .collectMap(document -> document.getString("_id")))
                .flatMap(documents -> {
                    Map<String, ClusterOutcome> outcomes = new ConcurrentHashMap<>();
                    // products are independent of each other; each one's tickets are evaluated in order
                    return Flux.fromIterable(byKey.entrySet())
                            .flatMap(group -> new KeyEvaluation(group.getKey(), group.getValue(), outcomes)
                                    .run(documents.get(group.getKey())), KEY_CONCURRENCY)
                            .then(Mono.fromSupplier(() -> outcomes));
                });
    }

    /** One ticket reporting a problem with a product. */
    public record Report(String ticketId, String customerId, ProductRef product, Instant at) {
    }

    /** The reports of one product in a batch, evaluated in order against one copy of its document. */
    private final class KeyEvaluation {

        private final String key;
        private final List<Report> group;
        private final Map<String, ClusterOutcome> outcomes;
        private final Set<String> pending = new HashSet<>();
        private String linkCluster;
        private final List<Report> linked = new ArrayList<>();

        KeyEvaluation(String key, List<Report> group, Map<String, ClusterOutcome> outcomes) {
            this.key = key;
            this.group = group;
            this.outcomes = outcomes;
            group.forEach(report -> pending.add(report.ticketId()));
        }

        Mono<Void> run(Document document) {
            if (document == null) { // cannot happen after the upsert; nothing to decide on
                group.forEach(report -> outcomes.put(report.ticketId(), ClusterOutcome.NONE));
                return Mono.empty();
            }
            int size = document.getList("reports", Document.class).size();
            return evaluateInOrder(document)
                    .then(Mono.defer(this::flushLinks))
                    .then(size > properties.pruneAbove() ? prune(key, group.get(group.size() - 1).at()) : Mono.empty());
        }

        private Mono<Void> evaluateInOrder(Document document) {
            Document[] current = {document};
            return Flux.fromIterable(group)
                    .concatMap(report -> {
                        pending.remove(report.ticketId());
                        return evaluateOne(current[0], report, 0).doOnNext(updated -> current[0] = updated);
                    })
                    .then();
        }

        /** @return the document as it stands after this report */
        private Mono<Document> evaluateOne(Document document, Report report, int attempt) {
            Document cluster = document.get("cluster", Document.class);
            if (cluster != null && cluster.getList("ticketIds", String.class).contains(report.ticketId())) {
                outcomes.put(report.ticketId(), outcomeOf(cluster, report.ticketId(), report.product()));
                return Mono.just(document);
            }
            if (cluster != null && isOpen(cluster, report.at())) {
                return joinLater(document, cluster, report);
            }
            // as if the later tickets of this batch had not reported yet: the ticket that completes a cluster opens it
            List<Document> reports = document.getList("reports", Document.class).stream()
                    .filter(entry -> !pending.contains(entry.getString("ticketId"))).toList();
            Opening opening = opening(reports, cluster, key, report.ticketId(), report.at());
            if (opening == null || attempt > 2) {
                outcomes.put(report.ticketId(), ClusterOutcome.NONE);
                return Mono.just(document);
            }
            return flushLinks()
                    .then(mongo.findAndModify(opening.query(), opening.update(), FindAndModifyOptions.options().returnNew(true),
                            Document.class, COLLECTION))
                    .map(updated -> {
                        outcomes.put(report.ticketId(), outcomeOf(updated.get("cluster", Document.class), report.ticketId(), report.product()));
                        return updated;
                    })
                    // another instance opened a cluster first: read it again and join that one
                    .switchIfEmpty(Mono.defer(() -> mongo.findOne(byId(key), Document.class, COLLECTION)
                            .flatMap(fresh -> evaluateOne(fresh, report, attempt + 1))));
        }

        /** Joins the open cluster in this copy of the document; the database is updated once for all of them. */
        private Mono<Document> joinLater(Document document, Document cluster, Report report) {
            String clusterId = cluster.getString("id");
            Mono<Void> before = linkCluster != null && !linkCluster.equals(clusterId) ? flushLinks() : Mono.empty();
            return before.then(Mono.fromSupplier(() -> {
                linkCluster = clusterId;
                linked.add(report);
                outcomes.put(report.ticketId(), new ClusterOutcome(clusterId, null));
                List<String> tickets = new ArrayList<>(cluster.getList("ticketIds", String.class));
                tickets.add(report.ticketId());
                List<String> customers = new ArrayList<>(cluster.getList("customerIds", String.class));
                if (!customers.contains(report.customerId())) {
                    customers.add(report.customerId());
                }
                Date lastAt = cluster.getDate("lastAt").after(Date.from(report.at())) ? cluster.getDate("lastAt") : Date.from(report.at());
                Document joined = new Document(cluster).append("ticketIds", tickets).append("customerIds", customers)
                        .append("lastAt", lastAt);
                return new Document(document).append("cluster", joined);
            }));
        }

        /** Adds the tickets that joined to the cluster, unless it was replaced meanwhile: then each is reported again. */
        private Mono<Void> flushLinks() {
            if (linked.isEmpty()) {
                return Mono.empty();
            }
            String clusterId = linkCluster;
            List<Report> joining = List.copyOf(linked);
            linked.clear();
            linkCluster = null;
            Update update = new Update()
                    .addToSet("cluster.ticketIds").each(joining.stream().map(Report::ticketId).distinct().toArray())
                    .addToSet("cluster.customerIds").each(joining.stream().map(Report::customerId).distinct().toArray())
                    .max("cluster.lastAt", Date.from(joining.stream().map(Report::at).max(Instant::compareTo).orElseThrow()));
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("cluster.id").is(clusterId)), update, COLLECTION)
                    .flatMap(result -> result.getMatchedCount() > 0 ? Mono.<Void>empty()
                            : Flux.fromIterable(joining)
                                    .concatMap(report -> report(report.ticketId(), report.customerId(), report.product(), report.at())
                                            .doOnNext(outcome -> outcomes.put(report.ticketId(), outcome)))
                                    .then());
        }
    }

    /** Reports older than two windows can no longer make or join a cluster. */
    private Mono<Void> prune(String key, Document document, Instant at) {
        if (document.getList("reports", Document.class).size() <= properties.pruneAbove()) {
            return Mono.empty();
        }
        return prune(key, at);
    }

    private Mono<Void> prune(String key, Instant at) {
        Date cutoff = Date.from(at.minus(properties.window().multipliedBy(2)));
        return mongo.updateFirst(byId(key), new Update().pull("reports", new Document("at", new Document("$lt", cutoff))), COLLECTION)
                .then();
    }

    private Mono<ClusterOutcome> evaluate(String key, Document document, String ticketId, String customerId,
                                          Instant at, ProductRef product, int attempt) {
        Document cluster = document.get("cluster", Document.class);
        if (cluster != null && cluster.getList("ticketIds", String.class).contains(ticketId)) {
            return Mono.just(outcomeOf(cluster, ticketId, product));
        }
        if (cluster != null && isOpen(cluster, at)) {
            return link(key, cluster.getString("id"), ticketId, customerId, at);
        }
        Opening opening = opening(document.getList("reports", Document.class), cluster, key, ticketId, at);
        if (opening == null || attempt > 2) {
            return Mono.just(ClusterOutcome.NONE);
        }
        return mongo.findAndModify(opening.query(), opening.update(), FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION)
                .map(updated -> outcomeOf(updated.get("cluster", Document.class), ticketId, product))
                // another instance opened a cluster first: read it again and join that one
                .switchIfEmpty(Mono.defer(() -> mongo.findOne(byId(key), Document.class, COLLECTION)
                        .flatMap(fresh -> evaluate(key, fresh, ticketId, customerId, at, product, attempt + 1))));
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
                .sorted((a, b) -> a.getDate("at").compareTo(b.getDate("at")))
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

    private Mono<ClusterOutcome> link(String key, String clusterId, String ticketId, String customerId, Instant at) {
        Update update = new Update().addToSet("cluster.ticketIds", ticketId).addToSet("cluster.customerIds", customerId)
                .max("cluster.lastAt", Date.from(at));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("cluster.id").is(clusterId)), update, COLLECTION)
                .thenReturn(new ClusterOutcome(clusterId, null));
    }

    private boolean isOpen(Document cluster, Instant at) {
        return at.toEpochMilli() - cluster.getDate("lastAt").getTime() <= properties.window().toMillis();
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
