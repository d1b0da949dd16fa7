package dev.servicedesk.archive.lists;

import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** The most recently active tickets of one list in one partition, most recent first. */
@Document("ticket_lists")
record TicketListShard(@Id String id, List<TicketSummary> tickets) {

    TicketListShard {
        tickets = tickets == null ? List.of() : tickets;
    }
}
