package dev.servicedesk.benchmark.load;

import dev.servicedesk.benchmark.traffic.AcceptedTicket;

/**
 * One request to send: a POST when {@code body} is set, else a GET.
 *
 * @param subject the ticket it concerns, or {@code null} for creates, lists and KPIs
 */
public record PlannedRequest(Operation operation, String path, byte[] body, AcceptedTicket subject) {

    public boolean isPost() {
        return body != null;
    }
}
