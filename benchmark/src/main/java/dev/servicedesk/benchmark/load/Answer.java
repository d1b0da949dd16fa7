package dev.servicedesk.benchmark.load;

/**
 * What came back for a request.
 *
 * @param status HTTP status, or 0 when no answer came (refused, reset, timed out)
 * @param body   the body when the caller asked for it (creates), else {@code null}
 * @param error  why no answer came, for status 0
 */
public record Answer(int status, byte[] body, String error) {

    static Answer failed(Throwable error) {
        return new Answer(0, null, error.getClass().getSimpleName());
    }
}
