package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.TicketType;

import java.util.List;

/**
 * A classifier's answer.
 *
 * @param confidence in [0, 1]: how far the winner is ahead of the runner-up
 * @param reasons    the phrases that fired, e.g. {@code after-sales/refund: "退款"}
 */
public record Classification(TicketType type, String subType, double confidence, List<String> reasons) {
}
