package dev.servicedesk.archive;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** 404 answered as problem+json naming what was not found. */
public final class NotFound {

    public static final URI TYPE = URI.create("https://servicedesk.dev/problems/not-found");

    private NotFound() {
    }

    public static ErrorResponseException of(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " '" + id + "' in the archive");
        problem.setType(TYPE);
        problem.setTitle("Not found");
        problem.setProperty(what + "Id", id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
