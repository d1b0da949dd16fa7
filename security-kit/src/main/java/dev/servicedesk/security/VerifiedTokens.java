package dev.servicedesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A decoder that checks each distinct token once and remembers the result until the token
 * expires, at most {@link #AT_MOST}. A front end or dashboard sends the same token with every
 * request, and checking its RSA signature again each time was the largest single cost of a
 * request at the gateway and again at the service. The key is the whole token, signature
 * included, so only a string already verified is taken on trust; rejections are never kept.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    /** How long a verified token is trusted without checking it again, even if it is valid longer. */
    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final int MAXIMUM_TOKENS = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    private VerifiedTokens(ReactiveJwtDecoder delegate, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> trustedFor(jwt)))
                .build();
    }

    public static ReactiveJwtDecoder remembering(ReactiveJwtDecoder delegate) {
        return new VerifiedTokens(delegate, Clock.systemUTC(), Ticker.systemTicker());
    }

    static VerifiedTokens remembering(ReactiveJwtDecoder delegate, Clock clock, Ticker ticker) {
        return new VerifiedTokens(delegate, clock, ticker);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private Duration trustedFor(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return AT_MOST;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }
}
