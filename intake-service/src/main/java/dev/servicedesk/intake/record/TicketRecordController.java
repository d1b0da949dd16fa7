package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /internal/tickets/{id}}: intake's record of a ticket with its lifecycle state, contact
 * log, history and the promised callback time; the registration form is the archive's. Public reads of
 * tickets go to the archive at {@code /api/tickets/{id}}; this path is for staff tools and for checking
 * intake itself.
 */
@RestController
class TicketRecordController {

    private final TicketRecords records;

    TicketRecordController(TicketRecords records) {
        this.records = records;
    }

    @GetMapping("/internal/tickets/{ticketId}")
    Mono<TicketView> ticket(@PathVariable String ticketId) {
        return records.find(ticketId)
                .map(TicketView::of)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No ticket " + ticketId)));
    }

    /** @param version number of events applied so far */
    record TicketView(String ticketId, TicketState state, long version, Channel channel, String customerId,
                      Channel preferredContact, boolean urgent, Instant receivedAt, Instant promisedCallbackBy,
                      Instant solutionDue, Long progressEveryMinutes, TicketType type, String subType, Priority priority,
                      Department department, String firstOwner, TicketRecord.Solution solution,
                      String lastRejectionReason, String openInformationRequest, List<ContactEntry> contacts,
                      List<HistoryEntry> history) {

        static TicketView of(TicketRecord t) {
            return new TicketView(t.ticketId(), t.state(), t.version(), t.channel(), t.customerId(),
                    t.preferredContact(), t.urgent(), t.receivedAt(), t.promisedCallbackBy(),
                    t.solutionDue(), t.progressEveryMinutes(), t.type(), t.subType(), t.priority(), t.department(),
                    t.firstOwner(), t.solution(), t.lastRejectionReason(), t.openInformationRequest(), t.contacts(),
                    t.history());
        }
    }
}
