package dev.servicedesk.kit;

import dev.servicedesk.contracts.EventEnvelope;
import dev.servicedesk.contracts.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal service built on the kit: one listener that fails on demand, one validated endpoint. */
@SpringBootApplication
class KitTestApplication {

    static final String FAILING_TICKET = "T-ALWAYS-FAILS";

    final List<String> handled = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = Topics.TICKET_EVENTS)
    void on(EventEnvelope envelope) {
        if (envelope.ticketId().equals(FAILING_TICKET)) {
            throw new IllegalStateException("department system unavailable");
        }
        handled.add(envelope.ticketId());
    }

    record Contact(@NotBlank String name, @Email String email) {
    }

    @RestController
    static class ContactController {

        @PostMapping("/contacts")
        Contact create(@Valid @RequestBody Contact contact) {
            return contact;
        }

        /** What a repository returns when the database fails the command, as a closed store does. */
        @GetMapping("/contacts/{id}")
        Mono<Contact> find(@PathVariable String id) {
            return Mono.error(new UncategorizedMongoDbException(
                    "Command execution failed on MongoDB server with error -1: 'Unknown error: This store is closed'", null));
        }
    }
}
