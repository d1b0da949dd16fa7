package dev.servicedesk.benchmark.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bearer token every request of the run carries: given with {@code --token=}, or minted as an
 * administrator with the local stack's own {@code token} command once a stack the benchmark started
 * has created its keys. Read at each request, so a token minted after the start applies to all.
 */
public final class Credentials {

    private static volatile String bearer;

    private Credentials() {
    }

    public static String bearer() {
        return bearer;
    }

    public static void use(String token) {
        bearer = token == null || token.isBlank() ? null : "Bearer " + token.strip();
    }

    /** Runs {@code java -jar <stack jar> token role=admin subject=benchmark} on the stack's data folder. */
    static void mint(StackSettings settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", settings.jar().toString(),
                "token", "role=admin", "subject=benchmark"));
        builder.environment().put("SERVICEDESK_DATA", settings.dataFolder().toString());
        builder.redirectErrorStream(false);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            String printed = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("could not mint a token with the stack's token command: " + printed);
            }
            String token = printed.lines().map(String::strip).filter(line -> line.chars().filter(c -> c == '.').count() == 2)
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("the token command printed no token: " + printed));
            use(token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }
}
