package dev.servicedesk.benchmark.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start the local stack.
 *
 * @param jar        the local stack's jar
 * @param dataFolder its {@code SERVICEDESK_DATA}
 * @param jvmOptions options for its JVM, e.g. a heap size
 */
public record StackSettings(Path jar, Path dataFolder, int kafkaPort, int mongoPort, List<String> jvmOptions) {

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
