package dev.servicedesk.intake;

import dev.servicedesk.embedded.LoopbackKafkaBroker;

import java.nio.file.Path;

/**
 * The loopback Kafka broker in a child JVM ({@link ChildJvm}). Args: the ready file, the log
 * directory, the client port; writes the bootstrap address to the ready file once clients can produce.
 */
public final class ChildKafkaBrokerMain {

    private ChildKafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm.haltWithParentOrLate();
        LoopbackKafkaBroker broker = LoopbackKafkaBroker.start(Path.of(args[1]), Integer.parseInt(args[2]));
        ChildJvm.ready(args[0], broker.bootstrapServers());
    }
}
