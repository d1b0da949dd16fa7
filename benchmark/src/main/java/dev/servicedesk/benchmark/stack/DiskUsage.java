package dev.servicedesk.benchmark.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bytes the stack keeps on disk, its database and its broker log each under the data folder. Counts
 * blocks actually allocated ({@code du}): the broker preallocates its index files sparsely, so their
 * apparent size (10 MB per partition segment) says nothing about the disk used. Falls back to
 * apparent sizes where {@code du} is not available.
 */
public record DiskUsage(long mongoBytes, long kafkaBytes) {

    public static DiskUsage of(Path dataFolder) {
        return new DiskUsage(size(dataFolder.resolve("mongo")), size(dataFolder.resolve("kafka")));
    }

    /** The database's files' apparent size, cheap enough to sample while a run lasts (they are not sparse). */
    public static long databaseBytes(Path dataFolder) {
        Path folder = dataFolder.resolve("mongo");
        return Files.isDirectory(folder) ? apparentSize(folder) : 0;
    }

    private static long size(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", folder.toString()).redirectErrorStream(true).start();
            String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (du.waitFor(30, TimeUnit.SECONDS) && du.exitValue() == 0) {
                return Long.parseLong(output.split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            // no du here: apparent sizes below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return apparentSize(folder);
    }

    private static long apparentSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
