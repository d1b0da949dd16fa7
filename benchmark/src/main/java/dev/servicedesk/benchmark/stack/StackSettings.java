package dev.servicedesk.benchmark.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start the local stack.
 *
 * @param jar        the local stack's jar
 * @param dataFolder its {@code SERVICEDESK_DATA}
 * @param jvmOptions options for its JVM, e.g. a heap size
 * @param portOffset its {@code SERVICEDESK_PORT_OFFSET}: the gateway listens on 8080 plus this, the services after it
 */
public record StackSettings(Path jar, Path dataFolder, int kafkaPort, int mongoPort, List<String> jvmOptions, int portOffset) {

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
