package dev.servicedesk.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

class ProblemExceptionHandlerTest {

    @Test
    void statusExceptionsKeepTheirStatus() {
        assertThat(ProblemExceptionHandler.statusOf(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void rateLimiterRejectionIsTooManyRequests() {
        HttpClientErrorException rejected = HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS,
                "Too Many Requests", new HttpHeaders(), null, null);

        assertThat(ProblemExceptionHandler.statusOf(rejected)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void timeoutsAndUnreachableBackendsAreServiceUnavailable() {
        assertThat(ProblemExceptionHandler.statusOf(new IllegalStateException(new TimeoutException())))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemExceptionHandler.statusOf(new ConnectException("refused")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertThat(ProblemExceptionHandler.statusOf(new IllegalStateException("bug")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndAtLeastOne() {
        assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo("2");
        assertThat(Problems.retryAfterSeconds(Duration.ZERO)).isEqualTo("1");
        assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo("10");
    }
}
