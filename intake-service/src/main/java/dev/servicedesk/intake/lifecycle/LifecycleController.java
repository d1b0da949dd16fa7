package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.intake.idempotency.IdempotencyKeys;
import dev.servicedesk.intake.record.TicketState;
import dev.servicedesk.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * Lifecycle commands, each {@code POST /api/tickets/{id}/...} with the event's fields as JSON:
 * 202 with the new state once the event is on the ticket of record; 409 with the current state
 * when the state does not allow it; 404 for an unknown ticket; an Idempotency-Key makes a repeat harmless.
 * The step's actor comes from the caller's token; a department acts only on tickets routed to it (403).
 */
@RestController
@RequestMapping(path = "/api/tickets/{ticketId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class LifecycleController {

    private final LifecycleCommands commands;

    LifecycleController(LifecycleCommands commands) {
        this.commands = commands;
    }

    /** A department reports progress (every 4 h, urgent every 1 h). */
    @PostMapping("/progress")
    Mono<ResponseEntity<Result>> progress(@PathVariable String ticketId, @RequestBody ProgressReported body,
                                          @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    /** Only the service agent asks the customer for more. */
    @PostMapping("/information-requests")
    Mono<ResponseEntity<Result>> requestInformation(@PathVariable String ticketId, @RequestBody InformationRequested body,
                                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    /** The customer's supplement. */
    @PostMapping("/information")
    Mono<ResponseEntity<Result>> supplyInformation(@PathVariable String ticketId, @RequestBody InformationSupplied body,
                                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    @PostMapping("/solution")
    Mono<ResponseEntity<Result>> proposeSolution(@PathVariable String ticketId, @RequestBody SolutionProposed body,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    @PostMapping("/solution/acceptance")
    Mono<ResponseEntity<Result>> acceptSolution(@PathVariable String ticketId,
                                                @RequestBody(required = false) SolutionAccepted body,
                                                @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body == null ? new SolutionAccepted(null) : body);
    }

    /** Returns the ticket to the department with the customer's reason. */
    @PostMapping("/solution/rejection")
    Mono<ResponseEntity<Result>> rejectSolution(@PathVariable String ticketId, @RequestBody SolutionRejected body,
                                                @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    @PostMapping("/resolution")
    Mono<ResponseEntity<Result>> resolve(@PathVariable String ticketId, @RequestBody TicketResolved body,
                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    @PostMapping("/closure")
    Mono<ResponseEntity<Result>> close(@PathVariable String ticketId, @RequestBody TicketClosed body,
                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    @PostMapping("/reopening")
    Mono<ResponseEntity<Result>> reopen(@PathVariable String ticketId, @RequestBody TicketReopened body,
                                        @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    /** Logs any other contact with the customer (客户沟通记录). */
    @PostMapping("/contacts")
    Mono<ResponseEntity<Result>> logContact(@PathVariable String ticketId, @RequestBody CustomerContacted body,
                                            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            Authentication caller) {
        return run(ticketId, key, caller, body);
    }

    /** The actor of the step is the token's subject, whatever the body says (see {@link Actors}). */
    private Mono<ResponseEntity<Result>> run(String ticketId, String key, Authentication authentication,
                                             TicketLifecycleEvent command) {
        String checkedKey = key == null ? null : IdempotencyKeys.checked(key);
        Caller caller = Caller.of(authentication);
        return commands.execute(ticketId, checkedKey, Actors.stamped(command, caller), Actors.actingDepartment(caller)).map(outcome -> {
            ResponseEntity.BodyBuilder response = ResponseEntity.accepted();
            if (outcome.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.body(new Result(outcome.ticketId(), outcome.eventId(), outcome.event(), outcome.state(),
                    Map.of("record", "/internal/tickets/" + outcome.ticketId(), "ticket", "/api/tickets/" + outcome.ticketId())));
        });
    }

    /** @param state the ticket's state after the command */
    record Result(String ticketId, UUID eventId, String event, TicketState state, Map<String, String> links) {
    }
}
