package dev.servicedesk.routing.cluster;

import dev.servicedesk.contracts.events.ProblemClusterDetected;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.classification.Phrase;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
        Document entry = new Document("ticketId", ticketId).append("customerId", customerId).append("at", Date.from(at));
        Update update = new Update().addToSet("reports", entry)
                .setOnInsert("product", new Document("name", product.name().strip()).append("batch", batch(product)));
        return mongo.findAndModify(byId(key), update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .flatMap(document -> evaluate(key, document, ticketId, customerId, at, product, 0)
                        .flatMap(outcome -> prune(key, document, at).thenReturn(outcome)));
    }

    /** Reports older than two windows can no longer make or join a cluster. */
    private Mono<Void> prune(String key, Document document, Instant at) {
        if (document.getList("reports", Document.class).size() <= properties.pruneAbove()) {
            return Mono.empty();
        }
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
        List<Document> recent = document.getList("reports", Document.class).stream()
                .filter(report -> Math.abs(report.getDate("at").getTime() - at.toEpochMilli()) <= properties.window().toMillis())
                .sorted((a, b) -> a.getDate("at").compareTo(b.getDate("at")))
                .toList();
        Set<String> customers = new LinkedHashSet<>();
        recent.forEach(report -> customers.add(report.getString("customerId")));
        if (customers.size() < properties.minCustomers() || attempt > 2) {
            return Mono.just(ClusterOutcome.NONE);
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
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key).andOperator(noOpenCluster)),
                        new Update().set("cluster", opened), FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION)
                .map(updated -> outcomeOf(updated.get("cluster", Document.class), ticketId, product))
                // another instance opened a cluster first: read it again and join that one
                .switchIfEmpty(Mono.defer(() -> mongo.findOne(byId(key), Document.class, COLLECTION)
                        .flatMap(fresh -> evaluate(key, fresh, ticketId, customerId, at, product, attempt + 1))));
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
