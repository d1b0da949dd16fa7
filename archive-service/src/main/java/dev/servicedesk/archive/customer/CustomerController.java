package dev.servicedesk.archive.customer;

import dev.servicedesk.archive.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerReads customers;

    CustomerController(CustomerReads customers) {
        this.customers = customers;
    }

    /** A customer is known to the archive once any event of one of their tickets arrived. */
    @GetMapping("/{id}")
    Mono<CustomerView> customer(@PathVariable String id) {
        return customers.customer(id).switchIfEmpty(Mono.error(() -> NotFound.of("customer", id)));
    }
}
