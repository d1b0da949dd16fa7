package dev.servicedesk.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mints a token from the local issuer's keys and prints it, for people and scripts:
 * {@code role=agent subject=alice [department=technical-support] [channel=web] [valid=8h] [keys=./data/security]}.
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                fail("expected name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, arg.indexOf('=')).replaceFirst("^--", ""), arg.substring(equals + 1));
        }
        Role role = Role.fromWireName(options.get("role")).orElse(null);
        if (role == null) {
            fail("role= one of channel, agent, department, supervisor, dashboard, admin");
        }
        String subject = options.getOrDefault("subject", role.wireName());
        Duration validFor = parseDuration(options.getOrDefault("valid", "8h"));
        Path keys = Path.of(options.getOrDefault("keys", defaultKeyFolder()));
        TokenRequest request = new TokenRequest(subject, role, options.get("department"), options.get("channel"), validFor);
        System.out.println(LocalIssuer.openOrCreate(keys).mint(request));
    }

    /** {@code $SERVICEDESK_DATA/security}, as the local stack uses it. */
    public static String defaultKeyFolder() {
        return Path.of(System.getenv().getOrDefault("SERVICEDESK_DATA", "data"), "security").toString();
    }

    /** {@code 90s}, {@code 15m}, {@code 8h}, {@code 7d} or an ISO-8601 duration. */
    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown duration unit in " + text);
        };
    }

    private static void fail(String message) {
        System.err.println("mint-token: " + message);
        System.exit(2);
    }
}
