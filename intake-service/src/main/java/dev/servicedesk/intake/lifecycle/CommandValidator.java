package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationRequested;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.ProgressReported;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.contracts.events.SolutionRejected;
import dev.servicedesk.contracts.events.TicketClosed;
import dev.servicedesk.contracts.events.TicketLifecycleEvent;
import dev.servicedesk.contracts.events.TicketReopened;
import dev.servicedesk.contracts.events.TicketResolved;
import dev.servicedesk.kit.web.FieldError;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a lifecycle command's fields: what each command requires, text limits, attachment URLs. */
final class CommandValidator {

    static final int MAX_TEXT = 4000;
    static final int MAX_ATTACHMENTS = 20;

    private static final Map<Class<?>, Set<String>> REQUIRED = Map.of(
            ProgressReported.class, Set.of("reportedBy", "summary"),
            InformationRequested.class, Set.of("agentId", "requested"),
            InformationSupplied.class, Set.of("details"),
            SolutionProposed.class, Set.of("proposedBy", "result", "solution"),
            SolutionRejected.class, Set.of("reason"),
            TicketResolved.class, Set.of("resolvedBy"),
            TicketClosed.class, Set.of("closedBy"),
            TicketReopened.class, Set.of("reason"),
            CustomerContacted.class, Set.of("agentId", "channel", "summary"));

    private CommandValidator() {
    }

    static List<FieldError> errors(TicketLifecycleEvent command) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> required = REQUIRED.getOrDefault(command.getClass(), Set.of());
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            String name = component.getName();
            Object value = read(component, command);
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (required.contains(name)) {
                    errors.add(FieldError.of(name, "is required"));
                }
            } else if (value instanceof String text) {
                if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                    errors.add(FieldError.of(name, "is longer than " + MAX_TEXT + " characters"));
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                    errors.add(FieldError.of(name, "contains control characters"));
                }
            } else if (value instanceof List<?> list) {
                if (list.size() > MAX_ATTACHMENTS) {
                    errors.add(FieldError.of(name, "has more than " + MAX_ATTACHMENTS + " entries"));
                }
                for (int i = 0; i < Math.min(list.size(), MAX_ATTACHMENTS); i++) {
                    if (!(list.get(i) instanceof String url) || !isWebUrl(url)) {
                        errors.add(FieldError.of(name + "[" + i + "]", "is not an http(s) URL of at most 2048 characters"));
                    }
                }
            }
        }
        return errors;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isWebUrl(String value) {
        if (value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
