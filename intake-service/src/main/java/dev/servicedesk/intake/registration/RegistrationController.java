package dev.servicedesk.intake.registration;

import dev.servicedesk.intake.idempotency.IdempotencyKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/tickets}: 202 with the ticket id once the broker has the ticket; 400 naming every
 * invalid field; 415 for anything but JSON; 413 above 64 KB; 422 for a reused Idempotency-Key;
 * 503 with Retry-After when the broker cannot confirm in time.
 */
@RestController
class RegistrationController {

    static final String URGENT_ACKNOWLEDGEMENT = "Marked urgent and passed on at once. An agent will contact you"
            + " shortly; the promised callback time appears on the ticket as soon as it is set.";
    static final String ACKNOWLEDGEMENT = "Registered. You will be told when to expect an answer.";

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping(path = "/api/tickets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Acceptance>> register(@RequestBody RegistrationRequest request,
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        String checkedKey = key == null ? null : IdempotencyKeys.checked(key);
        return registration.register(request, checkedKey).map(RegistrationController::accepted);
    }

    private static ResponseEntity<Acceptance> accepted(Registration.Registered registered) {
        String ticketId = registered.ticketId();
        boolean urgent = registered.event().urgentSignal();
        Acceptance body = new Acceptance(ticketId, "received", urgent,
                urgent ? URGENT_ACKNOWLEDGEMENT : ACKNOWLEDGEMENT,
                registered.event().customer().customerId(), registered.event().receivedAt(),
                Map.of("ticket", "/api/tickets/" + ticketId, "record", "/internal/tickets/" + ticketId));
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create("/api/tickets/" + ticketId));
        if (registered.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(body);
    }

    /**
     * @param status          always {@code received}: the ticket is durably on the broker
     * @param urgent          the request looked urgent and was acknowledged as such
     * @param acknowledgement what to tell the customer now
     * @param customerId      the customer the ticket was linked to
     */
    record Acceptance(String ticketId, String status, boolean urgent, String acknowledgement, String customerId,
                      Instant receivedAt, Map<String, String> links) {
    }
}
