package dev.servicedesk.benchmark.load;

import dev.servicedesk.benchmark.traffic.AcceptedTicket;
import dev.servicedesk.benchmark.traffic.LifecycleBodies;
import dev.servicedesk.benchmark.traffic.LifecycleStep;
import dev.servicedesk.benchmark.traffic.RegistrationForms;
import dev.servicedesk.benchmark.traffic.TicketPipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns an operation into a concrete request (a new form, a command for a ticket in the right
 * state, a read of a recent ticket or customer) and moves tickets along their lifecycle as answers
 * come back. Tickets accepted are also handed to {@code onAccepted} (the archive lag probe).
 */
public final class TrafficPlan {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegistrationForms forms;
    private final TicketPipeline pipeline;
    private final Consumer<AcceptedTicket> onAccepted;
    private final SplittableRandom seeds;
    private final ThreadLocal<SplittableRandom> random;
    private final AtomicLong createsPlanned = new AtomicLong();

    public TrafficPlan(RegistrationForms forms, TicketPipeline pipeline, Consumer<AcceptedTicket> onAccepted, long seed) {
        this.forms = forms;
        this.pipeline = pipeline;
        this.onAccepted = onAccepted;
        this.seeds = new SplittableRandom(seed);
        this.random = ThreadLocal.withInitial(this::split);
    }

    /** The request for {@code operation}, or empty when no ticket is in a state to receive it yet. */
    public Optional<PlannedRequest> plan(Operation operation) {
        SplittableRandom r = random.get();
        return switch (operation) {
            case CREATE -> {
                createsPlanned.incrementAndGet();
                yield Optional.of(new PlannedRequest(operation, "/api/tickets", forms.next(r), null));
            }
            case PROGRESS -> command(operation, LifecycleStep.PROGRESS, r);
            case SOLUTION -> command(operation, LifecycleStep.SOLUTION, r);
            case ACCEPTANCE -> command(operation, LifecycleStep.ACCEPTANCE, r);
            case CLOSURE -> command(operation, LifecycleStep.CLOSURE, r);
            case TICKET_VIEW -> pipeline.recent(r)
                    .map(ticket -> new PlannedRequest(operation, "/api/tickets/" + ticket.ticketId(), null, ticket));
            case CUSTOMER_VIEW -> pipeline.recent(r)
                    .map(ticket -> new PlannedRequest(operation, "/api/customers/" + ticket.customerId(), null, ticket));
            case LIST_RECENT -> Optional.of(new PlannedRequest(operation, "/api/tickets?limit=20", null, null));
            case LIST_ROUTED -> Optional.of(new PlannedRequest(operation, "/api/tickets?status=routed&limit=20", null, null));
            case KPI_SUMMARY -> Optional.of(new PlannedRequest(operation, "/api/kpis/summary", null, null));
        };
    }

    /** Only a create's answer is read: it names the ticket and the customer. */
    boolean needsBody(PlannedRequest request) {
        return request.operation() == Operation.CREATE;
    }

    void answered(PlannedRequest request, Answer answer) {
        if (answer.status() != 202) {
            return;
        }
        switch (request.operation()) {
            case CREATE -> created(answer);
            case PROGRESS -> pipeline.advanced(LifecycleStep.PROGRESS, request.subject());
            case SOLUTION -> pipeline.advanced(LifecycleStep.SOLUTION, request.subject());
            case ACCEPTANCE -> pipeline.advanced(LifecycleStep.ACCEPTANCE, request.subject());
            case CLOSURE -> pipeline.advanced(LifecycleStep.CLOSURE, request.subject());
            default -> {
            }
        }
    }

    /** Registrations sent so far: how far the run has got. */
    public long createsPlanned() {
        return createsPlanned.get();
    }

    public TicketPipeline pipeline() {
        return pipeline;
    }

    private void created(Answer answer) {
        JsonNode body = JSON.readTree(answer.body());
        AcceptedTicket ticket = new AcceptedTicket(body.path("ticketId").asString(), body.path("customerId").asString(), System.nanoTime());
        pipeline.accepted(ticket);
        onAccepted.accept(ticket);
    }

    private Optional<PlannedRequest> command(Operation operation, LifecycleStep step, SplittableRandom r) {
        return pipeline.take(step)
                .map(ticket -> new PlannedRequest(operation, step.path(ticket.ticketId()), LifecycleBodies.of(step, r), ticket));
    }

    private synchronized SplittableRandom split() {
        return seeds.split();
    }
}
