package dev.servicedesk.benchmark.load;

/**
 * What came back for a request.
 *
 * @param status HTTP status, or 0 when no answer came (refused, reset, timed out)
 * @param body   the body when the caller asked for it (creates), else {@code null}
 * @param error  why no answer came, for status 0
 */
public record Answer(int status, byte[] body, String error) {

    private static final int MAX_REASON = 160;

    /** The reason names the exception and the start of its message: a name alone left a rare failure unexplained. */
    static Answer failed(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().orElse("");
        String reason = error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return new Answer(0, null, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
    }
}
