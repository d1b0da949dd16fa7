package dev.servicedesk.gateway.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.servicedesk.security.Role;

/**
 * Makes an API key, stores its hash and prints the key once:
 * {@code name=web-frontend role=channel channel=web [file=./data/security/api-keys.txt]}
 * or {@code name=tech-support-system role=department department=technical-support}.
 */
public final class CreateApiKey {

    private CreateApiKey() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(0, equals).replaceFirst("^--", ""), arg.substring(equals + 1));
            }
        }
        Role role = Role.fromWireName(options.get("role")).orElse(null);
        String name = options.get("name");
        if (role == null || name == null) {
            System.err.println("api-key: name=<name> role=<channel|agent|department|supervisor|dashboard|admin> "
                    + "[channel=<channel>] [department=<department>] [file=<api keys file>]");
            System.exit(2);
        }
        Path file = Path.of(options.getOrDefault("file", defaultFile()));
        String binding = role == Role.CHANNEL ? options.get("channel") : role == Role.DEPARTMENT ? options.get("department") : null;
        System.out.println(ApiKeys.add(file, name, role, binding));
    }

    /** Makes a key bound to a role (and a channel or department), stores its hash in the file and returns the key. */
    public static String create(Path file, String name, Role role, String binding) {
        return ApiKeys.add(file, name, role, binding);
    }

    /** {@code $SERVICEDESK_DATA/security/api-keys.txt}, as the local stack uses it. */
    public static String defaultFile() {
        return Path.of(System.getenv().getOrDefault("SERVICEDESK_DATA", "data"), "security", "api-keys.txt").toString();
    }
}
