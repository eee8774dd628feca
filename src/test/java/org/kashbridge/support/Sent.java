package org.kashbridge.support;

import java.util.List;

import org.kashbridge.simulator.KashSimulator;

/** What reached the simulator for one order. */
public final class Sent {

    private Sent() {
    }

    public static List<KashSimulator.Request> to(KashSimulator simulator, String orderId) {
        return simulator.received().stream().filter(r -> r.body().contains("&orderID=" + orderId + "&")).toList();
    }

    public static long count(KashSimulator simulator, String orderId) {
        return to(simulator, orderId).size();
    }
}
