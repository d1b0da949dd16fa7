package dev.servicedesk.routing.reclassification;

import dev.servicedesk.contracts.events.TicketReclassified;
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
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /api/tickets/{id}/classification}: the current decision, and staff's correction of it.
 * A correction re-routes the ticket (new work item, the old department told) and keeps it as a
 * labelled example before answering. The two are separate writes, so the pair is made safe to
 * repeat instead: the example is derived from the stored decision alone (its correction event
 * names what the classifier said), and a correction the current decision already carries is not
 * routed again. A client that saw an error after the re-routing retries, and the retry only keeps
 * the missing example.
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
                .flatMap(current -> carries(current, staff, request.note()) ? Mono.just(current)
                        : router.reclassify(ticketId, staff, request.note()))
                .flatMap(after -> keepExample(after).thenReturn(after))
                .onErrorMap(ConcurrentRoutingException.class,
                        e -> new ResponseStatusException(HttpStatus.CONFLICT, "the ticket was re-routed meanwhile; read it again and retry"))
                .map(ClassificationView::of);
    }

    /** The current decision is this very correction: a repeat, whose re-routing already took effect. */
    private static boolean carries(RoutingRecord current, StaffClassification staff, String note) {
        return staff.equals(current.staff()) && Optional.ofNullable(current.correction())
                .map(reclassified -> Objects.equals(reclassified.note(), note) && reclassified.revision() == current.revision())
                .orElse(false);
    }

    private Mono<Void> keepExample(RoutingRecord after) {
        TicketReclassified reclassified = Optional.ofNullable(after.correction()).orElseThrow(() -> new IllegalStateException(
                "the decision of " + after.ticketId() + " carries no TicketReclassified"));
        return examples.keep(after.ticketId(), after.received(), reclassified, after.routed(), clock.instant());
    }

    private static ResponseStatusException notRouted(String ticketId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "ticket " + ticketId + " has not been routed");
    }
}
