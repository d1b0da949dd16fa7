package dev.servicedesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aTokenIsCheckedOnceAndThenTakenAsVerifiedWhileItIsValid() {
        ReactiveJwtDecoder decoder = remembering(validUntil(NOW.plus(Duration.ofHours(1))));

        Jwt first = decoder.decode("token-a").block();
        advance(Duration.ofMinutes(4));
        Jwt again = decoder.decode("token-a").block();

        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void anotherTokenIsCheckedOnItsOwn() {
        ReactiveJwtDecoder decoder = remembering(validUntil(NOW.plus(Duration.ofHours(1))));

        decoder.decode("token-a").block();
        decoder.decode("token-b").block();

        assertThat(checks).hasValue(2);
    }

    @Test
    void aRejectedTokenIsCheckedAgainEveryTime() {
        ReactiveJwtDecoder decoder = remembering(token -> {
            checks.incrementAndGet();
            return Mono.error(new BadJwtException("signature does not match"));
        });

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenIsCheckedAgainOnceItHasExpired() {
        ReactiveJwtDecoder decoder = remembering(validUntil(NOW.plus(Duration.ofSeconds(60))));
        decoder.decode("token-a").block();

        advance(Duration.ofSeconds(59));
        decoder.decode("token-a").block();
        assertThat(checks).hasValue(1);

        advance(Duration.ofSeconds(2));
        decoder.decode("token-a").block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenValidForHoursIsCheckedAgainAfterFiveMinutes() {
        ReactiveJwtDecoder decoder = remembering(validUntil(NOW.plus(Duration.ofHours(8))));
        decoder.decode("token-a").block();

        advance(VerifiedTokens.AT_MOST.plusSeconds(1));
        decoder.decode("token-a").block();

        assertThat(checks).hasValue(2);
    }

    private ReactiveJwtDecoder remembering(ReactiveJwtDecoder delegate) {
        return VerifiedTokens.remembering(delegate, CLOCK, nanos::get);
    }

    /** A decoder that accepts any token, counting its checks, with the given expiry. */
    private ReactiveJwtDecoder validUntil(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
                    .issuedAt(NOW.minusSeconds(1)).expiresAt(expiresAt).build());
        };
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
