package dev.servicedesk.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (another process may still take it first). */
    static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free loopback port other than {@code taken}: the OS may hand out a just-released port again. */
    static int loopbackOtherThan(int taken) {
        int port = loopback();
        while (port == taken) {
            port = loopback();
        }
        return port;
    }
}
