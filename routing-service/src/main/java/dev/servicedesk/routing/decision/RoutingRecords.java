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
 * MongoDB collection {@code routing_records}, one document per ticket. Events are stored in their
 * wire form (JSON bytes as BSON binary), so what is published later is byte for byte what was
 * decided, and neither storing nor sending encodes them again. Records written before, with events
 * as strings and the decision in a field of its own, are still read.
 */
@Component
class RoutingRecords {

    static final String COLLECTION = "routing_records";

    private final ReactiveMongoTemplate mongo;

    RoutingRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<RoutingRecord> find(String ticketId) {
        return mongo.findById(ticketId, Document.class, COLLECTION).map(RoutingRecords::fromDocument);
    }

    /** One query for a poll's worth of tickets ({@code _id $in}: answered from the primary key). */
    Flux<RoutingRecord> findAll(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ticketIds)), Document.class, COLLECTION)
                .map(RoutingRecords::fromDocument);
    }

    /** One round trip for many new tickets; fails as a whole if any was stored meanwhile. */
    Mono<Void> insertAll(List<RoutingRecord> batch, Instant now) {
        Date updatedAt = Date.from(now);
        return mongo.insert(batch.stream().map(record -> toDocument(record).append("updatedAt", updatedAt)).toList(), COLLECTION)
                .then();
    }

    /**
     * One round trip of updates, each by primary key (one update with {@code _id $in} would cost
     * mongo-java-server a comparison with every listed id for every record it changes).
     */
    Mono<Void> markAllPublished(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        ticketIds.forEach(id -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)), Update.update("published", true)));
        return bulk.execute().then();
    }

    /** Fails with a DuplicateKeyException when another consumer stored the ticket first. */
    Mono<RoutingRecord> insert(RoutingRecord record, Instant now) {
        return mongo.insert(toDocument(record).append("updatedAt", Date.from(now)), COLLECTION).thenReturn(record);
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
        update.set("updatedAt", Date.from(now)).unset("routed"); // a record stored before held the decision apart
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(record.ticketId()).and("revision").is(expectedRevision)),
                        update, COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    Mono<Void> markPublished(String ticketId, String outboxCause) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId).and("outboxCause").is(outboxCause)),
                        Update.update("published", true), COLLECTION)
                .then();
    }

    /** Decisions stored but not confirmed as published, e.g. because the process stopped in between. */
    Flux<RoutingRecord> unpublished(Instant updatedBefore, int limit) {
        Query query = Query.query(Criteria.where("published").is(false).and("updatedAt").lt(Date.from(updatedBefore))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(RoutingRecords::fromDocument);
    }

    private static Document toDocument(RoutingRecord record) {
        Document document = new Document("_id", record.ticketId())
                .append("customerId", record.receivedPayload().customer().customerId())
                .append("received", EventCodec.write(record.received()))
                .append("revision", record.revision())
                .append("causes", record.causes())
                .append("outboxCause", record.outboxCause())
                .append("outbox", record.outbox().stream()
                        .map(message -> new Document("topic", message.topic()).append("type", message.type())
                                .append("event", message.event()))
                        .toList())
                .append("published", record.published());
        StaffClassification staff = record.staff();
        document.append("staff", staff == null ? null : new Document("type", staff.type().wireName())
                .append("subType", staff.subType())
                .append("priority", staff.priority() == null ? null : staff.priority().wireName())
                .append("special", staff.special())
                .append("staffId", staff.staffId()));
        return document;
    }

    private static RoutingRecord fromDocument(Document document) {
        Document staff = document.get("staff", Document.class);
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
                document.getList("outbox", Document.class).stream().map(RoutingRecords::message).toList(),
                document.getBoolean("published", false));
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
