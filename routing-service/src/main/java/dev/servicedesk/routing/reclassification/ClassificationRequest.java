package dev.servicedesk.routing.reclassification;

import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Staff's correction of a ticket's classification.
 *
 * @param priority {@code null} to let routing assess it again for the new type
 * @param special  staff decided a complaint is special (特殊类投诉)
 * @param staffId  ignored: the staff member is the caller's token subject
 */
record ClassificationRequest(
        @NotNull TicketType type,
        @NotBlank String subType,
        Priority priority,
        Boolean special,
        @Size(max = 100) String staffId,
        @Size(max = 2000) String note) {
}
