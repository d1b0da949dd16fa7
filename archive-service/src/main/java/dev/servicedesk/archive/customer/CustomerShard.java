package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.projection.Shard;
import dev.servicedesk.archive.ticket.TicketSummary;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's archive over the tickets of one partition: contact data from the latest
 * registration, counts, tickets per month (for the volume segment) and the latest tickets.
 */
@Document("customers")
class CustomerShard extends Shard {

    String customerId;
    String name;
    String phone;
    String email;
    String tier;
    /** When the registration the contact data comes from was received. */
    Instant profileAt;
    Instant firstContactAt;
    Instant lastContactAt;
    long tickets;
    long open;
    Map<String, Long> byType = new HashMap<>();
    Map<String, Long> byMonth = new HashMap<>();
    /** Most recent contact first, at most {@link CustomerShards#RECENT} of them. */
    List<TicketSummary> recent = new ArrayList<>();

    CustomerShard() {
    }

    CustomerShard(String id, String customerId) {
        super(id);
        this.customerId = customerId;
    }
}
