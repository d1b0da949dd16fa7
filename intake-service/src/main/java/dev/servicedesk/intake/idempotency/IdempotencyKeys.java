package dev.servicedesk.intake.idempotency;

import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import dev.servicedesk.intake.publishing.TemporarilyUnavailableException;
import dev.servicedesk.intake.IntakeProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Claims keys with a unique {@code _id}: of two racing requests exactly one inserts, the other reads
 * the winner's record and so uses the same ticket and event ids. A record is written before the
 * publish and kept if it fails: the retry then publishes the same event, so nothing blocks it.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private final ReactiveMongoTemplate mongo;
    private final Duration retryAfter;

    IdempotencyKeys(ReactiveMongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        this.retryAfter = properties.retryAfter();
    }

    /** Checks the header's form; a bad key is a 400 like any other invalid field. */
    public static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("", HEADER,
                    "must be 1 to 200 visible ASCII characters")));
        }
        return key;
    }

    /** SHA-256 of the value's JSON form: the same body gives the same fingerprint whatever its spacing or field order. */
    public static String fingerprint(String kind, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(CANONICAL.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the record for this key: {@code fresh} if this request is the first, else the stored one.
     * Fails with {@link IdempotencyKeyReusedException} when the stored fingerprint differs.
     */
    public Mono<Claim> claim(IdempotencyRecord fresh) {
        return mongo.insert(fresh)
                .map(inserted -> new Claim(inserted, true))
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(fresh.id(), IdempotencyRecord.class)
                        .map(existing -> new Claim(existing, false)))
                .timeout(STORE_TIMEOUT)
                .onErrorMap(failure -> !(failure instanceof IdempotencyKeyReusedException),
                        failure -> new TemporarilyUnavailableException(retryAfter, failure))
                .flatMap(claim -> claim.record().fingerprint().equals(fresh.fingerprint())
                        ? Mono.just(claim)
                        : Mono.error(new IdempotencyKeyReusedException(claim.record().ticketId())));
    }

    /** @param first whether this request made the claim, rather than a retry finding it */
    public record Claim(IdempotencyRecord record, boolean first) {
    }
}
