package dev.servicedesk.intake.record;

import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.Department;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Intake's document for one ticket, built only by {@link TicketProjector} from events, so it can be
 * rebuilt from the topics at any time. {@code version} counts applied events and guards concurrent
 * writers; an event already in its {@code history} is not applied again, so a redelivery is a
 * no-op (documents written before also hold the ids in {@code appliedEventIds}, which is no longer
 * read or written: the history holds every applied event). A document whose
 * {@code state} is {@code null} is a placeholder holding a routing decision that overtook its
 * {@code TicketReceived}.
 *
 * <p>It holds what commands and the contact log need, not the registration form: the form, and with it
 * the customer's name and contact details, is kept by the archive, the customer archive. Documents
 * written before still hold the form's fields; they are no longer read.
 */
@Document("tickets")
public class TicketRecord {

    @Id
    private String ticketId;
    private long version;
    private TicketState state;
    private String correlationId;

    private Channel channel;
    private String customerId;
    private Channel preferredContact;
    private boolean urgent;
    private Instant receivedAt;

    private TicketType type;
    private String subType;
    private Priority priority;
    private Department department;
    private String firstOwner;
    private Instant promisedCallbackBy;
    private Instant solutionDue;
    private Long progressEveryMinutes;

    private Solution solution;
    private String lastRejectionReason;
    private String openInformationRequest;

    private List<ContactEntry> contacts = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private Instant updatedAt;

    TicketRecord() {
    }

    TicketRecord(String ticketId) {
        this.ticketId = ticketId;
    }

    /** The latest solution proposed to the customer. */
    public record Solution(String result, String solution, String nextSteps, String proposedBy, Instant at) {
    }

    public String ticketId() { return ticketId; }
    public long version() { return version; }
    public TicketState state() { return state; }
    public String correlationId() { return correlationId; }
    public Channel channel() { return channel; }
    public String customerId() { return customerId; }
    public Channel preferredContact() { return preferredContact; }
    public boolean urgent() { return urgent; }
    public Instant receivedAt() { return receivedAt; }
    public TicketType type() { return type; }
    public String subType() { return subType; }
    public Priority priority() { return priority; }
    public Department department() { return department; }
    public String firstOwner() { return firstOwner; }
    public Instant promisedCallbackBy() { return promisedCallbackBy; }
    public Instant solutionDue() { return solutionDue; }
    public Long progressEveryMinutes() { return progressEveryMinutes; }
    public Solution solution() { return solution; }
    public String lastRejectionReason() { return lastRejectionReason; }
    public String openInformationRequest() { return openInformationRequest; }
    public List<ContactEntry> contacts() { return contacts; }
    public List<HistoryEntry> history() { return history; }
    public Instant updatedAt() { return updatedAt; }

    /** Registered: a placeholder holding only a routing decision is not a ticket yet. */
    public boolean registered() {
        return state != null;
    }

    public boolean hasApplied(UUID eventId) {
        return history.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    // Mutators for TicketProjector only.

    void received(String correlationId, Channel channel, String customerId, Channel preferredContact, boolean urgent,
                  Instant receivedAt) {
        this.state = TicketState.RECEIVED;
        this.correlationId = correlationId;
        this.channel = channel;
        this.customerId = customerId;
        this.preferredContact = preferredContact;
        this.urgent = urgent;
        this.receivedAt = receivedAt;
    }

    void routed(TicketType type, String subType, Priority priority, Department department, String firstOwner,
                Instant promisedCallbackBy, Instant solutionDue, Long progressEveryMinutes) {
        this.type = type;
        this.subType = subType;
        this.priority = priority;
        this.department = department;
        this.firstOwner = firstOwner;
        this.promisedCallbackBy = promisedCallbackBy;
        this.solutionDue = solutionDue;
        this.progressEveryMinutes = progressEveryMinutes;
    }

    void state(TicketState state) { this.state = state; }
    void solution(Solution solution) { this.solution = solution; }
    void lastRejectionReason(String reason) { this.lastRejectionReason = reason; }
    void openInformationRequest(String request) { this.openInformationRequest = request; }
    void contact(ContactEntry entry) { contacts.add(entry); }

    void applied(HistoryEntry entry) {
        history.add(entry);
        updatedAt = entry.at();
        version++;
    }
}
