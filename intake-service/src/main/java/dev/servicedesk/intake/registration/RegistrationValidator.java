package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.events.TicketReceived;
import dev.servicedesk.contracts.ticket.Channel;
import dev.servicedesk.contracts.ticket.CustomerRef;
import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.ProductRef;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a registration form and turns it into a {@link TicketReceived}, or throws
 * {@link InvalidRequestException} naming every field at fault. Lengths count Unicode code points,
 * so a Chinese description has the same limit as an English one.
 */
final class RegistrationValidator {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CUSTOMER_REQUEST = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_IDENTIFIER = 64;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_URL = 2048;
    /** Clocks of front ends drift; an occurred-at this far ahead is still "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#\\-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

    private final Clock clock;

    RegistrationValidator(Clock clock) {
        this.clock = clock;
    }

    TicketReceived validate(RegistrationRequest request, Instant receivedAt) {
        Errors errors = new Errors();
        Channel channel = requiredEnum(errors, "channel", request.channel(), Channel.values(), Channel::wireName);
        CustomerRef customer = customer(errors, request.customer());
        String orderNumber = identifier(errors, "orderNumber", request.orderNumber());
        ProductRef product = product(errors, request.product());
        String description = text(errors, "description", request.description(), MAX_DESCRIPTION, true);
        String customerRequest = text(errors, "customerRequest", request.customerRequest(), MAX_CUSTOMER_REQUEST, false);
        Instant occurredAt = occurredAt(errors, request.occurredAt());
        Channel preferred = request.preferredContact() == null ? channel
                : requiredEnum(errors, "preferredContact", request.preferredContact(), Channel.values(), Channel::wireName);
        String language = language(errors, request.language());
        List<String> attachments = attachments(errors, request.attachments());
        if (customer != null && preferred != null) {
            if (preferred == Channel.EMAIL && customer.email() == null) {
                errors.add("preferredContact", "is email, but no customer email was given");
            } else if (preferred == Channel.PHONE && customer.phone() == null) {
                errors.add("preferredContact", "is phone, but no customer phone was given");
            }
        }
        errors.throwIfAny();
        boolean urgent = UrgencySignals.present(description, customerRequest);
        return new TicketReceived(channel, customer, orderNumber, product, description, customerRequest, occurredAt,
                preferred, language, attachments, urgent, receivedAt);
    }

    private CustomerRef customer(Errors errors, RegistrationRequest.Customer customer) {
        if (customer == null) {
            errors.add("customer", "is required, with a phone number or an email address");
            return null;
        }
        int before = errors.size();
        String id = identifier(errors, "customer.id", customer.id());
        String name = text(errors, "customer.name", customer.name(), MAX_NAME, false);
        String phone = null;
        if (customer.phone() != null && !customer.phone().isBlank()) {
            phone = ContactNormalizer.phone(customer.phone()).orElse(null);
            if (phone == null) {
                errors.add("customer.phone", "is not a phone number (6 to 15 digits, optionally +country code)");
            }
        }
        String email = null;
        if (customer.email() != null && !customer.email().isBlank()) {
            email = ContactNormalizer.email(customer.email()).orElse(null);
            if (email == null) {
                errors.add("customer.email", "is not an email address");
            }
        }
        boolean phoneGiven = customer.phone() != null && !customer.phone().isBlank();
        boolean emailGiven = customer.email() != null && !customer.email().isBlank();
        if (!phoneGiven && !emailGiven) {
            errors.add("customer", "needs a phone number or an email address so the customer can be contacted");
        }
        CustomerTier tier = customer.tier() == null ? null
                : requiredEnum(errors, "customer.tier", customer.tier(), CustomerTier.values(), CustomerTier::wireName);
        if (errors.size() > before) {
            return null;
        }
        String customerId = id != null ? id
                : phone != null ? ContactNormalizer.customerIdFor("phone", phone)
                : ContactNormalizer.customerIdFor("email", email);
        return new CustomerRef(customerId, name, phone, email, tier);
    }

    private ProductRef product(Errors errors, RegistrationRequest.Product product) {
        if (product == null) {
            return null;
        }
        String name = text(errors, "product.name", product.name(), MAX_NAME, false);
        String batch = identifier(errors, "product.batch", product.batch());
        return name == null && batch == null ? null : new ProductRef(name, batch);
    }

    private Instant occurredAt(Errors errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("occurredAt", "is not an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:30:00+08:00");
            return null;
        }
        if (instant.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add("occurredAt", "is in the future");
            return null;
        }
        return instant;
    }

    private static String language(Errors errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tag = value.strip();
        if (tag.length() > 35 || !LANGUAGE.matcher(tag).matches()) {
            errors.add("language", "is not a language tag such as zh-CN or en");
            return null;
        }
        return tag;
    }

    private static List<String> attachments(Errors errors, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ATTACHMENTS) {
            errors.add("attachments", "has more than " + MAX_ATTACHMENTS + " references");
            return List.of();
        }
        List<String> urls = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String field = "attachments[" + i + "]";
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                errors.add(field, "is empty");
            } else if (value.length() > MAX_URL || !isWebUrl(value.strip())) {
                errors.add(field, "is not an http(s) URL of at most " + MAX_URL + " characters");
            } else {
                urls.add(value.strip());
            }
        }
        return List.copyOf(urls);
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String identifier(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_IDENTIFIER || !IDENTIFIER.matcher(id).matches()) {
            errors.add(field, "must be at most " + MAX_IDENTIFIER + " letters, digits or . _ : / # -");
            return null;
        }
        return id;
    }

    private static String text(Errors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(field, "is longer than " + max + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))) {
            errors.add(field, "contains control characters");
            return null;
        }
        if (hasLoneSurrogate(text)) {
            errors.add(field, "is not valid Unicode text");
            return null;
        }
        return text;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> E requiredEnum(Errors errors, String field, String value, E[] values,
                                                      Function<E, String> wireName) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
            return null;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        Optional<E> match = Arrays.stream(values).filter(v -> wireName.apply(v).equals(wanted)).findFirst();
        if (match.isEmpty()) {
            errors.add(field, "must be one of " + Arrays.stream(values).map(wireName).collect(Collectors.joining(", ")));
            return null;
        }
        return match.get();
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(FieldError.of(field, message));
        }

        int size() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidRequestException(list);
            }
        }
    }
}
