package dev.servicedesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.servicedesk.security.LocalIssuer;
import dev.servicedesk.security.Role;
import dev.servicedesk.security.TokenRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tokens for tests: one local issuer per test JVM, its keys in a temporary folder, which every
 * application a test starts is told to trust ({@link #register}, done by
 * {@link TestInfrastructure#register}; {@link #arguments()} for command-line starts).
 *
 * <pre>{@code
 * client.get().uri("/api/kpis/summary").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.DASHBOARD))
 * }</pre>
 *
 * A department token reports for {@value #DEPARTMENT}, a channel token speaks for {@value #CHANNEL}.
 */
public final class TestTokens {

    public static final String PROPERTY = "servicedesk.security.key-folder";
    public static final String DEPARTMENT = "technical-support";
    public static final String CHANNEL = "web";
    private static final Duration VALIDITY = Duration.ofHours(12);
    private static final Path KEYS = createKeyFolder();
    private static final Map<Role, String> BY_ROLE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** A token for this role, subject {@code <role>-test}; the same token for every call in this JVM. */
    public static String token(Role role) {
        return BY_ROLE.computeIfAbsent(role, r -> mint(new TokenRequest(r.wireName() + "-test", r,
                r == Role.DEPARTMENT ? DEPARTMENT : null, r == Role.CHANNEL ? CHANNEL : null, VALIDITY)));
    }

    /** {@code Bearer <token>}, the value of an Authorization header. */
    public static String bearer(Role role) {
        return "Bearer " + token(role);
    }

    /** A token exactly as requested, e.g. another subject, department or channel. */
    public static String mint(TokenRequest request) {
        return LocalIssuer.openOrCreate(KEYS).mint(request);
    }

    public static Path keyFolder() {
        return KEYS;
    }

    /** Makes the application under test trust this JVM's test issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add(PROPERTY, KEYS::toString);
    }

    /** The same as command-line arguments, for applications started with a builder. */
    public static String[] arguments() {
        return new String[] {"--" + PROPERTY + "=" + KEYS};
    }

    private static Path createKeyFolder() {
        try {
            Path folder = Files.createTempDirectory("servicedesk-test-issuer");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
