package dev.servicedesk.kit.web;

/** One invalid field: a JSON pointer into the request body and what is wrong with it. */
public record FieldError(String pointer, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError("/" + field.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"), field, message);
    }
}
