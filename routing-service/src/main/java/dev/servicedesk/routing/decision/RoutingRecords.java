package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventCodec;
import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.events.TicketReclassified;
import dev.servicedesk.contracts.events.TicketRouted;
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
 * MongoDB collection {@code routing_records}, one document per ticket, written once per decision:
 * the registration and the latest decision as JSON (BSON binary), without the envelopes they came
 * in. Routing reads them again only to route the ticket again, to show its classification and to
 * learn from a correction, none of which needs an envelope; the topics keep the events.
 *
 * <p>A decision's events wait for the broker's acknowledgement in {@code routing_pending}, in wire
 * form: one document per decision ({@code _id} ticket id and cause) holding every event to send,
 * stored before its record and deleted once they are all acknowledged, so what is published is byte
 * for byte what was decided, and neither storing nor sending encodes the events again. Confirming a
 * decision so never rewrites the record, a confirmation cannot touch a later decision of the same
 * ticket (its entry has another cause), and the relay reads only what is pending, never the whole
 * history. Records written before are still read (the registration and the decision's events kept
 * as whole envelopes), and written in the current form when the ticket is routed again.
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
        if (record.correction() == null) {
            update.unset("correction");
        }
        // fields of records stored before
        update.set("updatedAt", Date.from(now)).unset("received").unset("decision").unset("published").unset("outbox");
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
                .append("customerId", record.received().customer().customerId())
                .append("registration", json(record.received()))
                .append("correlationId", record.correlationId())
                .append("revision", record.revision())
                .append("causes", record.causes())
                .append("outboxCause", record.outboxCause())
                .append("routed", json(record.routed()));
        if (record.correction() != null) {
            document.append("correction", json(record.correction()));
        }
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
        boolean published = pending == null && document.getBoolean("published", true);
        List<OutboxMessage> outbox = published ? List.of()
                : pending != null ? messages(pending.getList("outbox", Document.class))
                : messages(document.getList("outbox", Document.class)); // the oldest form kept them in the record
        StoredDecision stored = document.containsKey("registration")
                ? new StoredDecision(read(document.get("registration"), TicketReceived.class), document.getString("correlationId"),
                read(document.get("routed"), TicketRouted.class),
                document.containsKey("correction") ? read(document.get("correction"), TicketReclassified.class) : null)
                : StoredDecision.fromEnvelopes(document);
        return new RoutingRecord(
                document.getString("_id"),
                stored.received(),
                stored.correlationId(),
                document.getInteger("revision"),
                List.copyOf(document.getList("causes", String.class)),
                staff == null ? null : new StaffClassification(
                        wire(TicketType.class, staff.getString("type")), staff.getString("subType"),
                        staff.getString("priority") == null ? null : wire(Priority.class, staff.getString("priority")),
                        staff.getBoolean("special", false), staff.getString("staffId")),
                stored.routed(),
                stored.correction(),
                document.getString("outboxCause"),
                outbox,
                published);
    }

    /** What a record holds of the registration and the latest decision. */
    private record StoredDecision(TicketReceived received, String correlationId, TicketRouted routed,
                                  TicketReclassified correction) {

        /**
         * A record stored before: the registration as its envelope, and the decision's events as
         * envelopes, among every event of the decision in the oldest form.
         */
        static StoredDecision fromEnvelopes(Document document) {
            EventEnvelope received = EventCodec.read(bytes(document.get("received")));
            List<Document> events = document.containsKey("outbox")
                    ? document.getList("outbox", Document.class) : document.getList("decision", Document.class);
            TicketRouted routed = null;
            TicketReclassified correction = null;
            for (Document event : events) {
                Object payload = EventCodec.read(bytes(event.get("event"))).payload();
                if (payload instanceof TicketRouted decision) {
                    routed = decision;
                } else if (payload instanceof TicketReclassified staffCorrection) {
                    correction = staffCorrection;
                }
            }
            if (routed == null) {
                throw new IllegalStateException("routing record of " + document.getString("_id") + " holds no TicketRouted");
            }
            return new StoredDecision((TicketReceived) received.payload(), received.correlationId(), routed, correction);
        }
    }

    private static Binary json(Object payload) {
        return new Binary(EventCodec.mapper().writeValueAsBytes(payload));
    }

    private static <T> T read(Object stored, Class<T> type) {
        return EventCodec.mapper().readValue(bytes(stored), type);
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
