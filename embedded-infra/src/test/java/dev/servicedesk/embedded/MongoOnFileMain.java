package dev.servicedesk.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs {@link EmbeddedMongo#onFile} in a child JVM that a test can kill. Args: h2File portFile. */
public final class MongoOnFileMain {

    private MongoOnFileMain() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[1]);
        EmbeddedMongo mongo = EmbeddedMongo.onFile(Path.of(args[0]), 0);
        // never outlive a test JVM that died before killing us
        Executors.newSingleThreadScheduledExecutor().schedule(() -> Runtime.getRuntime().halt(3), 2, TimeUnit.MINUTES);

        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(mongo.port()));
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
    }
}
