package dev.servicedesk.benchmark.stack;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The benchmark sends traffic only to this machine's loopback interface. */
public final class Loopback {

    private Loopback() {
    }

    /** @throws IllegalArgumentException when {@code host} does not resolve to a loopback address */
    public static void require(String host, String what) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(what + " " + host + " is not a loopback address; the benchmark only targets 127.0.0.1");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + " " + host + " does not resolve", e);
        }
    }

    public static void require(URI uri, String what) {
        require(uri.getHost(), what);
    }
}
