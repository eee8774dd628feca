package org.kashbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a configured bind address (kash.http.host, kash.broker.host) keeps a port on this machine. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * True for loopback addresses and names that resolve only to them (127.0.0.1, ::1, localhost); false for the
     * wildcard (0.0.0.0, ::), any other address, and a name that does not resolve (it is refused later anyway).
     */
    public static boolean loopback(String host) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
