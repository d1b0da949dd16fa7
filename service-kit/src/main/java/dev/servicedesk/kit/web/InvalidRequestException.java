package dev.servicedesk.kit.web;

import java.util.List;

/** Thrown by code-level validation; answered as 400 problem+json listing every field at fault. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
