package dev.servicedesk.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.servicedesk.security.Role;

/**
 * API keys for front ends and department systems, kept as SHA-256 hashes in a text file, one key a line:
 * {@code <name> <sha256-hex> <role> [<channel or department>]}. The key itself is shown once, when it is
 * made ({@link #add}), and never stored. Keys are 32 random bytes, so a fast hash is enough: there is no
 * password to guess, and a slow hash would cost every request. The file is read again when it changes.
 */
final class ApiKeys {

    static final String PREFIX = "sdk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param binding the channel of a channel key, the department of a department key, else {@code null} */
    record ApiKey(String name, Role role, String binding) {
    }

    private final Path file;
    private volatile Map<String, ApiKey> byHash = Map.of();
    private volatile FileTime loadedVersion;

    ApiKeys(Path file) {
        this.file = file;
    }

    /** The key presented, if it is one of ours. */
    Optional<ApiKey> find(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        reloadIfChanged();
        return Optional.ofNullable(byHash.get(hash(presented)));
    }

    /** Makes a key, stores its hash and returns the key, which is not kept anywhere else. */
    static String add(Path file, String name, Role role, String binding) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("name: letters, digits, '.', '_' or '-', at most 64");
        }
        if ((role == Role.CHANNEL || role == Role.DEPARTMENT) && (binding == null || binding.isBlank())) {
            throw new IllegalArgumentException("a " + role.wireName() + " key is bound to a " + role.wireName());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String line = name + " " + hash(key) + " " + role.wireName()
                + (binding == null || binding.isBlank() ? "" : " " + binding.strip()) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reloadIfChanged() {
        try {
            FileTime version = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
            if (!version.equals(loadedVersion)) {
                synchronized (this) {
                    byHash = Files.exists(file) ? parse(Files.readAllLines(file, StandardCharsets.UTF_8)) : Map.of();
                    loadedVersion = version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API keys in " + file, e);
        }
    }

    private static Map<String, ApiKey> parse(List<String> lines) {
        Map<String, ApiKey> keys = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 3 || fields[0].startsWith("#")) {
                continue;
            }
            Role.fromWireName(fields[2]).ifPresent(role ->
                    keys.put(fields[1].toLowerCase(), new ApiKey(fields[0], role, fields.length > 3 ? fields[3] : null)));
        }
        return Map.copyOf(keys);
    }
}
