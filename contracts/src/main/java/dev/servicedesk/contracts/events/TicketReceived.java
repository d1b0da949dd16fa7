package dev.servicedesk.contracts.events;

import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.ProductRef;

import java.time.Instant;
import java.util.List;

/**
 * A request was registered (客户服务需求登记表).
 *
 * @param customerRequest what the customer asks for
 * @param occurredAt      when the problem happened, if known
 * @param urgentSignal    intake saw urgency words (outage, security, cannot log in) and acknowledged at once
 */
public record TicketReceived(
        Channel channel,
        CustomerRef customer,
        String orderNumber,
        ProductRef product,
        String description,
        String customerRequest,
        Instant occurredAt,
        Channel preferredContact,
        String language,
        List<String> attachments,
        boolean urgentSignal,
        Instant receivedAt) implements TicketLifecycleEvent {
}
