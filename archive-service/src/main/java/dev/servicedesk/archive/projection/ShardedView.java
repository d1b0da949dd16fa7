package dev.servicedesk.archive.projection;

import java.util.Collection;

/**
 * A read model kept as shards: which shards a ticket change touches, and how it changes each.
 * {@link #apply} takes the ticket's old state out and puts its new state in, so any change,
 * including a ticket moving to another customer or status, is one call.
 */
public interface ShardedView<S extends Shard> {

    Class<S> type();

    Collection<String> shardIds(TicketChange change);

    S create(String shardId);

    void apply(S shard, TicketChange change);
}
