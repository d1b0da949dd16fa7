package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistrationValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final RegistrationValidator validator = new RegistrationValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    private static RegistrationRequest valid() {
        return new RegistrationRequest("phone",
                new RegistrationRequest.Customer(null, "张伟", "138 0000 0000", null, "vip"), "SO-2026-001",
                new RegistrationRequest.Product("电热水壶 Kettle", "B-7"), "水壶漏电 The kettle leaks current",
                "退款 refund", "2026-11-22T20:00:00+08:00", null, "zh-CN", List.of("https://files.example/1.jpg"));
    }

    @Test
    void completeFormBecomesTicketReceivedWithNormalisedContactAndDerivedCustomerId() {
        TicketReceived received = validator.validate(valid(), NOW);

        assertThat(received.channel()).isEqualTo(Channel.PHONE);
        assertThat(received.preferredContact()).isEqualTo(Channel.PHONE);
        assertThat(received.customer().phone()).isEqualTo("+8613800000000");
        assertThat(received.customer().tier()).isEqualTo(CustomerTier.VIP);
        assertThat(received.customer().customerId()).startsWith("C-");
        assertThat(received.description()).isEqualTo("水壶漏电 The kettle leaks current");
        assertThat(received.occurredAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(received.urgentSignal()).isFalse();
        assertThat(received.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void repeatCallerWithDifferentlyWrittenNumberIsTheSameCustomer() {
        String first = validator.validate(valid(), NOW).customer().customerId();
        RegistrationRequest again = new RegistrationRequest("chat",
                new RegistrationRequest.Customer(null, "Zhang Wei", "+86-138-0000-0000", null, null), null, null,
                "again", null, null, null, null, null);

        assertThat(validator.validate(again, NOW).customer().customerId()).isEqualTo(first);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        RegistrationRequest bad = new RegistrationRequest("fax",
                new RegistrationRequest.Customer("bad id!", null, "12", "not-an-email", "gold"), null, null, " ",
                "x".repeat(RegistrationValidator.MAX_CUSTOMER_REQUEST + 1), "2027-01-01T00:00:00Z", "pigeon",
                "not a language", List.of("ftp://x", "https://ok.example/a"));

        InvalidRequestException thrown = catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(bad, NOW));

        assertThat(thrown.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "channel", "customer.id", "customer.phone", "customer.email", "customer.tier", "description",
                "customerRequest", "occurredAt", "preferredContact", "language", "attachments[0]");
        assertThat(thrown.errors()).filteredOn(e -> e.field().equals("occurredAt"))
                .extracting(FieldError::message).containsExactly("is in the future");
        assertThat(thrown.errors()).filteredOn(e -> e.field().equals("attachments[0]"))
                .extracting(FieldError::pointer).containsExactly("/attachments/0");
    }

    @Test
    void missingContactAndMissingCustomerAreRejected() {
        RegistrationRequest noContact = new RegistrationRequest("web",
                new RegistrationRequest.Customer("c-1", "Ann", " ", null, null), null, null, "help", null, null,
                null, null, null);
        RegistrationRequest noCustomer = new RegistrationRequest("web", null, null, null, "help", null, null,
                null, null, null);

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(noContact, NOW)).errors())
                .extracting(FieldError::field).containsExactly("customer");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(noCustomer, NOW)).errors())
                .extracting(FieldError::field).containsExactly("customer");
    }

    @Test
    void lengthIsCountedInCharactersNotBytesAndOverLongTextIsRejected() {
        String chinese = "漏".repeat(RegistrationValidator.MAX_DESCRIPTION);
        RegistrationRequest atLimit = withDescription(chinese);
        RegistrationRequest overLimit = withDescription(chinese + "漏");

        assertThat(validator.validate(atLimit, NOW).description()).hasSize(RegistrationValidator.MAX_DESCRIPTION);
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(overLimit, NOW)).errors())
                .extracting(FieldError::field).containsExactly("description");
    }

    @Test
    void preferredEmailWithoutEmailAddressIsRejected() {
        RegistrationRequest request = new RegistrationRequest("phone",
                new RegistrationRequest.Customer(null, null, "13800000000", null, null), null, null, "help", null,
                null, "email", null, null);

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(request, NOW)).errors())
                .extracting(FieldError::field).containsExactly("preferredContact");
    }

    @Test
    void tooManyAttachmentsAreRejected() {
        RegistrationRequest request = new RegistrationRequest("app",
                new RegistrationRequest.Customer(null, null, null, "a@b.example", null), null, null, "help", null,
                null, null, null, Collections.nCopies(RegistrationValidator.MAX_ATTACHMENTS + 1, "https://x.example/1"));

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(request, NOW)).errors())
                .extracting(FieldError::field).containsExactly("attachments");
    }

    @Test
    void urgentWordsInEitherLanguageSetTheUrgentSignal() {
        assertThat(validator.validate(withDescription("我的账号无法登录了"), NOW).urgentSignal()).isTrue();
        assertThat(validator.validate(withDescription("Checkout is down for everyone: outage"), NOW).urgentSignal()).isTrue();
        assertThat(validator.validate(withDescription("How do I change my delivery address?"), NOW).urgentSignal()).isFalse();
    }

    private static RegistrationRequest withDescription(String description) {
        RegistrationRequest v = valid();
        return new RegistrationRequest(v.channel(), v.customer(), v.orderNumber(), v.product(), description,
                v.customerRequest(), v.occurredAt(), v.preferredContact(), v.language(), v.attachments());
    }
}
