package dev.servicedesk.intake;

import dev.servicedesk.embedded.LoopbackKafkaBroker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The loopback Kafka broker in a child JVM ({@link ChildJvm}). Args: the ready file, the log
 * directory, the client port, then any broker properties as {@code name=value}; writes the
 * bootstrap address to the ready file once clients can produce.
 */
public final class ChildKafkaBrokerMain {

    private ChildKafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm.haltWithParentOrLate();
        Map<String, String> overrides = new HashMap<>();
        for (String property : Arrays.copyOfRange(args, 3, args.length)) {
            overrides.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(Path.of(args[1]), Integer.parseInt(args[2]), overrides);
        ChildJvm.ready(args[0], broker.bootstrapServers());
    }
}
