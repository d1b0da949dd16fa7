package dev.servicedesk.archive.ticket;

import dev.servicedesk.archive.NotFound;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final TicketArchive archive;

    TicketController(TicketArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/{id}")
    Mono<TicketView> ticket(@PathVariable String id) {
        return archive.find(id)
                .map(TicketView::of)
                .switchIfEmpty(Mono.error(() -> NotFound.of("ticket", id)));
    }

    @GetMapping
    Flux<TicketSummary> tickets(@RequestParam(required = false) String customerId,
                                @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(List.of(FieldError.of("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return archive.list(blankToNull(customerId), blankToNull(status), limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
