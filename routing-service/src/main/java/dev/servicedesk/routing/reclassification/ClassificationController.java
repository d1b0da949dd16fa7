package dev.servicedesk.routing.reclassification;

import dev.servicedesk.contracts.events.TicketRouted;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import dev.servicedesk.routing.classification.Classifier;
import dev.servicedesk.routing.decision.ConcurrentRoutingException;
import dev.servicedesk.routing.decision.RoutingRecord;
import dev.servicedesk.routing.decision.StaffClassification;
import dev.servicedesk.routing.decision.TicketRouter;
import dev.servicedesk.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * {@code /api/tickets/{id}/classification}: the current decision, and staff's correction of it.
 * A correction re-routes the ticket (new work item, the old department told) before answering.
 */
@RestController
@RequestMapping("/api/tickets/{ticketId}/classification")
class ClassificationController {

    private final TicketRouter router;
    private final Classifier classifier;
    private final LabelledExamples examples;
    private final Clock clock;

    ClassificationController(TicketRouter router, Classifier classifier, LabelledExamples examples, Clock clock) {
        this.router = router;
        this.classifier = classifier;
        this.examples = examples;
        this.clock = clock;
    }

    @GetMapping
    Mono<ClassificationView> current(@PathVariable String ticketId) {
        return router.current(ticketId).map(ClassificationView::of).switchIfEmpty(Mono.error(() -> notRouted(ticketId)));
    }

    @PostMapping
    Mono<ClassificationView> reclassify(@PathVariable String ticketId, @Valid @RequestBody ClassificationRequest request,
                                        Authentication caller) {
        // Who corrected the ticket is the token's subject, never what the body claims.
        String staffId = Caller.of(caller).subject();
        if (!classifier.knows(request.type(), request.subType())) {
            throw new InvalidRequestException(List.of(FieldError.of("subType",
                    "'" + request.subType() + "' is not a sub-type of " + request.type().wireName())));
        }
        StaffClassification staff = new StaffClassification(request.type(), request.subType(), request.priority(),
                Boolean.TRUE.equals(request.special()), staffId);
        return router.current(ticketId)
                .switchIfEmpty(Mono.error(() -> notRouted(ticketId)))
                .flatMap(before -> router.reclassify(ticketId, staff, request.note())
                        .flatMap(after -> keepExample(before, after, staffId).thenReturn(after)))
                .onErrorMap(ConcurrentRoutingException.class,
                        e -> new ResponseStatusException(HttpStatus.CONFLICT, "the ticket was re-routed meanwhile; read it again and retry"))
                .map(ClassificationView::of);
    }

    private Mono<Void> keepExample(RoutingRecord before, RoutingRecord after, String staffId) {
        TicketRouted classifierSaid = before.routedPayload();
        return examples.keep(after.ticketId(), after.receivedPayload(), classifierSaid, after.routedPayload(), staffId, clock.instant());
    }

    private static ResponseStatusException notRouted(String ticketId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "ticket " + ticketId + " has not been routed");
    }
}
