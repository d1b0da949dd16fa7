package dev.servicedesk.archive.projection;

import org.springframework.data.annotation.Id;

import java.util.HashMap;
import java.util.Map;

/**
 * A summary over the tickets of one partition (a KPI counter set, a customer's part), read and
 * written whole. Only
 * the consumer that owns the partition writes it, so it is replaced by {@code _id} without races.
 * It remembers the last offset it took from each topic-partition: a shard is written before the
 * tickets of its poll, so after a crash between the two the redelivered events fold again into the
 * tickets but are not counted twice here.
 */
public abstract class Shard {

    @Id
    protected String id;
    protected Map<String, Long> offsets = new HashMap<>();

    protected Shard() {
    }

    protected Shard(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The shard id for {@code key} in {@code partition}. */
    public static String id(String key, int partition) {
        return key + "#" + partition;
    }

    boolean takes(TicketChange change) {
        Long last = offsets.get(change.source());
        return last == null || change.offset() > last;
    }

    void took(TicketChange change) {
        offsets.merge(change.source(), change.offset(), Math::max);
    }
}
