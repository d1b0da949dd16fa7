package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * MongoDB collection {@code routing_records}, one document per ticket, written once per decision.
 * Events are stored in their wire form (JSON bytes as BSON binary), so what is published later is
 * byte for byte what was decided, and neither storing nor sending encodes them again.
 *
 * <p>A decision's events wait for the broker's acknowledgement in {@code routing_pending}: one
 * document per decision ({@code _id} ticket id and cause) holding every event to send, stored before
 * its record and deleted once they are all acknowledged. The record keeps only the decision itself
 * (its {@code TicketRouted}, and the {@code TicketReclassified} it answers), so work items and
 * alerts, which nobody reads again once delivered, do not stay in the store. Confirming a decision
 * so never rewrites the record, a confirmation cannot touch a later decision of the same ticket (its
 * entry has another cause), and the relay reads only what is pending, never the whole history.
 * Records written before are still read: with every event in the record and, earlier still, with
 * events as strings and the decision in a field of its own.
 */
@Component
class RoutingRecords {

    static final String COLLECTION = "routing_records";
    static final String PENDING = "routing_pending";

    private final ReactiveMongoTemplate mongo;

    RoutingRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<RoutingRecord> find(String ticketId) {
        return mongo.findById(ticketId, Document.class, COLLECTION)
                .flatMap(document -> mongo.findById(pendingId(ticketId, document.getString("outboxCause")), Document.class, PENDING)
                        .map(pending -> fromDocument(document, pending))
                        .switchIfEmpty(Mono.fromSupplier(() -> fromDocument(document, null))));
    }

    /**
     * One query for a poll's worth of tickets ({@code _id $in}: answered from the primary key), and
     * one of their pending entries when any was found.
     */
    Flux<RoutingRecord> findAll(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ticketIds)), Document.class, COLLECTION)
                .collectList()
                .flatMapMany(documents -> {
                    if (documents.isEmpty()) {
                        return Flux.empty();
                    }
                    List<String> pendingIds = documents.stream()
                            .map(document -> pendingId(document.getString("_id"), document.getString("outboxCause"))).toList();
                    return mongo.find(Query.query(Criteria.where("_id").in(pendingIds)), Document.class, PENDING)
                            .collectMap(pending -> pending.getString("_id"))
                            .flatMapIterable(pending -> documents.stream().map(document -> fromDocument(document,
                                    pending.get(pendingId(document.getString("_id"), document.getString("outboxCause"))))).toList());
                });
    }

    /**
     * Two round trips for many new tickets: their pending entries, then the records, which fail as
     * a whole if any was stored meanwhile.
     */
    Mono<Void> insertAll(List<RoutingRecord> batch, Instant now) {
        Date updatedAt = Date.from(now);
        return pending(batch, updatedAt)
                .then(mongo.insert(batch.stream().map(record -> toDocument(record).append("updatedAt", updatedAt)).toList(), COLLECTION)
                        .then());
    }

    /** Fails with a DuplicateKeyException when another consumer stored the ticket first. */
    Mono<RoutingRecord> insert(RoutingRecord record, Instant now) {
        Date updatedAt = Date.from(now);
        return pending(List.of(record), updatedAt)
                .then(mongo.insert(toDocument(record).append("updatedAt", updatedAt), COLLECTION))
                .thenReturn(record);
    }

    /** Replaces the decision only if nobody changed it since {@code expectedRevision} was read. */
    Mono<Boolean> replace(RoutingRecord record, int expectedRevision, Instant now) {
        Document document = toDocument(record);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        // fields of records stored before
        update.set("updatedAt", Date.from(now)).unset("routed").unset("published").unset("outbox");
        return pending(List.of(record), Date.from(now))
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(record.ticketId()).and("revision").is(expectedRevision)),
                        update, COLLECTION))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * The decisions' pending entries with the events to send, each upserted by primary key: an
     * entry left by an attempt that stopped before storing its record takes this attempt's events,
     * which are the ones its record will hold (event ids derive from the cause, so a repeated
     * decision has the same events).
     */
    private Mono<Void> pending(List<RoutingRecord> batch, Date at) {
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PENDING);
        batch.forEach(record -> bulk.upsert(byId(pendingId(record.ticketId(), record.outboxCause())), new Update()
                .set("ticketId", record.ticketId()).set("cause", record.outboxCause()).set("at", at)
                .set("outbox", record.outbox().stream().map(RoutingRecords::toDocument).toList())));
        return bulk.execute().then();
    }

    /** The decisions' events were all acknowledged: one round trip of deletes, each by primary key. */
    Mono<Void> markAllPublished(Collection<RoutingRecord> published) {
        if (published.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PENDING);
        published.forEach(record -> bulk.remove(byId(pendingId(record.ticketId(), record.outboxCause()))));
        return bulk.execute().then();
    }

    Mono<Void> markPublished(String ticketId, String outboxCause) {
        return mongo.remove(byId(pendingId(ticketId, outboxCause)), PENDING).then();
    }

    /**
     * Decisions pending since before {@code before}, e.g. because the process stopped between
     * storing and sending. An entry whose record is missing or has moved on to another cause is
     * removed: that cause was never stored as the decision, so it is redelivered or was answered
     * with an error, and a later decision has an entry of its own.
     */
    Flux<RoutingRecord> unpublished(Instant before, int limit) {
        Query query = Query.query(Criteria.where("at").lt(Date.from(before))).limit(limit);
        return mongo.find(query, Document.class, PENDING)
                .concatMap(pending -> mongo.findById(pending.getString("ticketId"), Document.class, COLLECTION)
                        .filter(document -> pending.getString("cause").equals(document.getString("outboxCause")))
                        .map(document -> fromDocument(document, pending))
                        .switchIfEmpty(mongo.remove(byId(pending.getString("_id")), PENDING).then(Mono.empty())));
    }

    private static String pendingId(String ticketId, String cause) {
        return ticketId + "/" + cause;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Document toDocument(RoutingRecord record) {
        Document document = new Document("_id", record.ticketId())
                .append("customerId", record.receivedPayload().customer().customerId())
                .append("received", EventCodec.write(record.received()))
                .append("revision", record.revision())
                .append("causes", record.causes())
                .append("outboxCause", record.outboxCause())
                .append("decision", record.decision().stream().map(RoutingRecords::toDocument).toList());
        StaffClassification staff = record.staff();
        document.append("staff", staff == null ? null : new Document("type", staff.type().wireName())
                .append("subType", staff.subType())
                .append("priority", staff.priority() == null ? null : staff.priority().wireName())
                .append("special", staff.special())
                .append("staffId", staff.staffId()));
        return document;
    }

    private static Document toDocument(OutboxMessage message) {
        return new Document("topic", message.topic()).append("type", message.type()).append("event", message.event());
    }

    /**
     * @param pending the decision's pending entry, or null once its events were all acknowledged;
     *                records stored before kept every event and a {@code published} field instead
     */
    private static RoutingRecord fromDocument(Document document, Document pending) {
        Document staff = document.get("staff", Document.class);
        List<Document> stored = document.getList("outbox", Document.class);
        List<OutboxMessage> outbox = pending != null && pending.containsKey("outbox")
                ? messages(pending.getList("outbox", Document.class))
                : messages(stored != null ? stored : document.getList("decision", Document.class));
        return new RoutingRecord(
                document.getString("_id"),
                EventCodec.read(bytes(document.get("received"))),
                document.getInteger("revision"),
                List.copyOf(document.getList("causes", String.class)),
                staff == null ? null : new StaffClassification(
                        wire(TicketType.class, staff.getString("type")), staff.getString("subType"),
                        staff.getString("priority") == null ? null : wire(Priority.class, staff.getString("priority")),
                        staff.getBoolean("special", false), staff.getString("staffId")),
                document.getString("outboxCause"),
                outbox,
                pending == null && document.getBoolean("published", true));
    }

    private static List<OutboxMessage> messages(List<Document> stored) {
        return stored.stream().map(RoutingRecords::message).toList();
    }

    private static OutboxMessage message(Document message) {
        byte[] event = bytes(message.get("event"));
        String type = message.getString("type");
        return new OutboxMessage(message.getString("topic"), type != null ? type : EventCodec.read(event).type(), event);
    }

    /** Events are BSON binary; records stored before were JSON strings. */
    private static byte[] bytes(Object stored) {
        if (stored instanceof Binary binary) {
            return binary.getData();
        }
        if (stored instanceof byte[] bytes) {
            return bytes;
        }
        return ((String) stored).getBytes(StandardCharsets.UTF_8);
    }

    private static <E extends Enum<E>> E wire(Class<E> type, String wireName) {
        return EventCodec.mapper().convertValue(wireName, type);
    }
}
