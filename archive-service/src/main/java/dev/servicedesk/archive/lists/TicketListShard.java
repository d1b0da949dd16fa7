package dev.servicedesk.archive.lists;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** The most recently active tickets of one list in one partition, most recent first. */
@Document("ticket_lists")
class TicketListShard extends Shard {

    List<TicketSummary> tickets = new ArrayList<>();

    TicketListShard() {
    }

    TicketListShard(String id) {
        super(id);
    }
}
