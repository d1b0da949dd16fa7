package dev.servicedesk.kit.security;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stands in for a service's public API, shaped like the archive's ticket view. */
@RestController
class SecurityTestEndpoints {

    @GetMapping("/api/tickets/{id}")
    Map<String, Object> ticket(@PathVariable String id) {
        Map<String, Object> customer = Map.of("name", "王芳", "phone", "+86 138 0013 8000", "email", "wang@example.com");
        return Map.of("id", id, "channel", id.startsWith("T-WEB") ? "web" : "phone", "description", "kettle leaks",
                "customer", customer,
                "timeline", List.of(Map.of("type", "TicketReceived", "payload", Map.of("customer", customer))),
                "related", List.of(Map.of("id", "T-2", "customerName", "王芳")));
    }

    @GetMapping("/internal/tickets/{id}")
    Map<String, Object> record(@PathVariable String id) {
        return Map.of("ticketId", id);
    }

    @PostMapping("/api/tickets/{id}/closure")
    Map<String, Object> close(@PathVariable String id, Authentication caller) {
        return Map.of("ticketId", id, "closedBy", caller.getName());
    }
}
