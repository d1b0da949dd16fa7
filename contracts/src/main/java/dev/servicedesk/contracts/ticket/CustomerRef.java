package dev.servicedesk.contracts.ticket;

/**
 * Who asked. {@code customerId} is always set: the front end's id, or else a key derived from the
 * normalised phone or email so repeat callers link to one customer.
 */
public record CustomerRef(String customerId, String name, String phone, String email, CustomerTier tier) {
}
