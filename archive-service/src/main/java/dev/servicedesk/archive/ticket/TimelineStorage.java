package dev.servicedesk.archive.ticket;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * How a timeline entry is stored: its event id and causation id as 16-byte UUIDs (BSON binary, in
 * the services' UUID representation) instead of 36-character strings. Every entry has an event id
 * of its own and most name the event that caused them: as strings they were a fifth of a ticket's
 * document and, being random, compressed poorly. A causation id that is not a UUID (the envelope
 * allows any string) is stored as it came; entries stored as strings are still read.
 */
@Configuration(proxyBeanMethods = false)
class TimelineStorage {

    @Bean
    MongoCustomConversions timelineConversions() {
        return new MongoCustomConversions(List.of(new Write(), new Read()));
    }

    @WritingConverter
    static final class Write implements Converter<TimelineEntry, Document> {

        @Override
        public Document convert(TimelineEntry entry) {
            Document document = new Document("eventId", id(entry.eventId())).append("type", entry.type())
                    .append("occurredAt", Date.from(entry.occurredAt())).append("producer", entry.producer());
            appendIfPresent(document, "correlationId", entry.correlationId());
            appendIfPresent(document, "causationId", entry.causationId() == null ? null : id(entry.causationId()));
            appendIfPresent(document, "actor", entry.actor());
            appendIfPresent(document, "summary", entry.summary());
            return document;
        }

        private static void appendIfPresent(Document document, String field, Object value) {
            if (value != null) {
                document.append(field, value);
            }
        }

        private static Object id(String id) {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException notUuid) {
                return id;
            }
            // one not in UUID's own spelling (upper case, say) is stored as it came, so it reads back unchanged
            return uuid.toString().equals(id) ? uuid : id;
        }
    }

    @ReadingConverter
    static final class Read implements Converter<Document, TimelineEntry> {

        @Override
        public TimelineEntry convert(Document document) {
            Date occurredAt = document.getDate("occurredAt");
            return new TimelineEntry(id(document.get("eventId")), document.getString("type"),
                    occurredAt == null ? null : occurredAt.toInstant(), document.getString("producer"),
                    document.getString("correlationId"), id(document.get("causationId")), document.getString("actor"),
                    document.getString("summary"));
        }

        /** A binary UUID, or a string: not a UUID, or stored before. */
        private static String id(Object stored) {
            return stored instanceof UUID uuid ? uuid.toString() : (String) stored;
        }
    }
}
