package dev.servicedesk.benchmark.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Bytes the stack keeps on disk: its database and its broker log, each under the data folder. */
public record DiskUsage(long mongoBytes, long kafkaBytes) {

    public static DiskUsage of(Path dataFolder) {
        return new DiskUsage(size(dataFolder.resolve("mongo")), size(dataFolder.resolve("kafka")));
    }

    private static long size(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskUsage::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
