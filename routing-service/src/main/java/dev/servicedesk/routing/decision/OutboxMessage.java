package dev.servicedesk.routing.decision;

import dev.servicedesk.contracts.EventEnvelope;

/** An event to publish on a topic, stored with the decision before it is sent. */
public record OutboxMessage(String topic, EventEnvelope event) {
}
