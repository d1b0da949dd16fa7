package dev.servicedesk.contracts.ticket;

/** The product or service concerned, with its batch or lot when the customer knows it. */
public record ProductRef(String name, String batch) {
}
