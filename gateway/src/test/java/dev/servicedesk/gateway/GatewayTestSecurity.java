package dev.servicedesk.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.servicedesk.testsupport.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a gateway under test at the test issuer's keys and an API-key file of this JVM. */
final class GatewayTestSecurity {

    static final Path API_KEYS = apiKeysFile();

    private GatewayTestSecurity() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("servicedesk.gateway.security.key-folder", () -> TestTokens.keyFolder().toString());
        registry.add("servicedesk.gateway.security.api-keys-file", API_KEYS::toString);
    }

    static String[] arguments() {
        return new String[] {"--servicedesk.gateway.security.key-folder=" + TestTokens.keyFolder(),
                "--servicedesk.gateway.security.api-keys-file=" + API_KEYS};
    }

    private static Path apiKeysFile() {
        try {
            return Files.createTempDirectory("gateway-api-keys").resolve("api-keys.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
