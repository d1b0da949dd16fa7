package dev.servicedesk.archive.lists;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.projection.ShardedView;
import dev.servicedesk.archive.projection.TicketChange;
import dev.servicedesk.archive.ticket.TicketDocument;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the lists of most recently active tickets: {@code all}, and one per status. A ticket that
 * changes moves to the top of {@code all} and from its old status's list to its new one. Each shard
 * keeps {@value #PER_SHARD}, so a list read merges a few small documents; with tickets spread
 * evenly over partitions that covers the {@value #MAX_LIMIT} a caller may ask for many times over.
 */
@Component
class RecentTickets implements ShardedView<TicketListShard> {

    static final int PER_SHARD = 60;
    static final int MAX_LIMIT = 100;
    static final String ALL = "all";

    static String statusList(String status) {
        return "status:" + status;
    }

    @Override
    public Class<TicketListShard> type() {
        return TicketListShard.class;
    }

    @Override
    public Collection<String> shardIds(TicketChange change) {
        Set<String> ids = new LinkedHashSet<>(3);
        ids.add(Shard.id(ALL, change.partition()));
        if (change.before() != null && change.before().status() != null) {
            ids.add(Shard.id(statusList(change.before().status()), change.partition()));
        }
        if (change.after().status() != null) {
            ids.add(Shard.id(statusList(change.after().status()), change.partition()));
        }
        return ids;
    }

    @Override
    public TicketListShard create(String shardId) {
        return new TicketListShard(shardId);
    }

    @Override
    public void apply(TicketListShard shard, TicketChange change) {
        TicketDocument after = change.after();
        shard.tickets.removeIf(summary -> summary.id().equals(after.id()));
        String list = shard.id().substring(0, shard.id().lastIndexOf('#'));
        if (list.equals(ALL) || (after.status() != null && list.equals(statusList(after.status())))) {
            shard.tickets.add(TicketSummary.of(after));
            shard.tickets.sort(TicketSummary.MOST_RECENT_ACTIVITY);
            if (shard.tickets.size() > PER_SHARD) {
                shard.tickets.subList(PER_SHARD, shard.tickets.size()).clear();
            }
        }
    }
}
