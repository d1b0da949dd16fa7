package dev.servicedesk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * Checks that a server listens on 127.0.0.1 only. Works the same on a host with or without other
 * interfaces: nothing here is skipped.
 */
final class LoopbackOnly {

    /** Another loopback address: Linux routes all of 127/8 to the loopback interface. */
    private static final String OTHER_LOOPBACK = "127.0.0.2";

    private LoopbackOnly() {
    }

    /**
     * Fails if the port is held on the wildcard address or answers on any non-loopback address of
     * this machine. The wildcard check needs no other interface: Linux refuses a listener on
     * 127.0.0.2 with the same port while a wildcard listener holds it, and allows it beside one
     * bound to 127.0.0.1.
     */
    static void assertListensOnLoopbackOnly(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getByName(OTHER_LOOPBACK), port));
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is held beyond 127.0.0.1 (the wildcard address?): " + e, e);
        }
        for (InetAddress external : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external, port), 2_000);
                }
            }).as("port %d on %s", port, external).isInstanceOf(IOException.class);
        }
    }

    /** This machine's addresses that are not loopback (possibly none). */
    static List<InetAddress> nonLoopbackAddresses() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LoopbackOnly::isUpAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .toList();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUpAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    static int portOf(String hostAndPort) {
        assertThat(hostAndPort).startsWith("127.0.0.1:");
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }
}
