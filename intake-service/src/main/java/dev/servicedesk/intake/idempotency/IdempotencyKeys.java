package dev.servicedesk.intake.idempotency;

import dev.servicedesk.intake.batching.BatchedInserts;
import dev.servicedesk.intake.batching.LookupsById;
import dev.servicedesk.kit.web.FieldError;
import dev.servicedesk.kit.web.InvalidRequestException;
import dev.servicedesk.intake.publishing.TemporarilyUnavailableException;
import dev.servicedesk.intake.IntakeProperties;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Claims keys with a unique {@code _id}: of two racing requests exactly one inserts, the other reads
 * the winner's record and so uses the same ticket and event ids. A record is written before the
 * publish and kept if it fails: the retry then publishes the same event, so nothing blocks it.
 *
 * <p>A key is remembered for at least a day: keys claimed on a UTC day are kept in that day's
 * collection ({@link KeyDays}), a claim looks for the key in the previous day's collection before it
 * inserts into its own, and {@link KeyRetention} drops the collections of earlier days. Each step is
 * a lookup or an insert by primary key (those of concurrent requests sent together), and expiring a
 * day's keys costs one drop, so neither depends on how many keys are stored.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private final ReactiveMongoTemplate mongo;
    private final LookupsById lookups;
    private final BatchedInserts inserts;
    private final Duration retryAfter;

    IdempotencyKeys(ReactiveMongoTemplate mongo, LookupsById lookups, BatchedInserts inserts, IntakeProperties properties) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.inserts = inserts;
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
    public static byte[] fingerprint(String kind, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(CANONICAL.writeValueAsBytes(body));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the record for this key: {@code fresh} if this request is the first, else the stored one.
     * Fails with {@link IdempotencyKeyReusedException} when the stored fingerprint differs.
     */
    public Mono<Claim> claim(IdempotencyRecord fresh) {
        LocalDate day = KeyDays.dayOf(fresh.at());
        String today = KeyDays.collection(day);
        return find(fresh.id(), KeyDays.collection(day.minusDays(1)))
                .map(existing -> new Claim(existing, false))
                .switchIfEmpty(Mono.defer(() -> inserts.insert(today, fresh)
                        .flatMap(stored -> stored ? Mono.just(new Claim(fresh, true))
                                : find(fresh.id(), today).map(existing -> new Claim(existing, false)))))
                .timeout(STORE_TIMEOUT)
                .onErrorMap(failure -> !(failure instanceof IdempotencyKeyReusedException),
                        failure -> new TemporarilyUnavailableException(retryAfter, failure))
                .flatMap(claim -> Arrays.equals(claim.record().fingerprint(), fresh.fingerprint())
                        ? Mono.just(claim)
                        : Mono.error(new IdempotencyKeyReusedException(claim.record().ticketId())));
    }

    /** The stored record. Records claimed before fingerprints were stored as bytes hold them as hex. */
    private Mono<IdempotencyRecord> find(String id, String collection) {
        return lookups.find(collection, id).map(stored -> {
            if (stored.get("fingerprint") instanceof String hex) {
                stored.put("fingerprint", HexFormat.of().parseHex(hex));
            }
            return mongo.getConverter().read(IdempotencyRecord.class, stored);
        });
    }

    /** @param first whether this request made the claim, rather than a retry finding it */
    public record Claim(IdempotencyRecord record, boolean first) {
    }
}
