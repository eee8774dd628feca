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

    /**
     * The bodies sent for these orders, in the order of the ids given. Different orders run in parallel
     * lanes (KASH_CONCURRENCY), so only the order within one order is fixed.
     */
    public static List<String> bodiesFor(KashSimulator simulator, String... orderIds) {
        List<String> bodies = new java.util.ArrayList<>();
        for (String id : orderIds) {
            to(simulator, id).stream().map(KashSimulator.Request::body).forEach(bodies::add);
        }
        return bodies;
    }

    public static long count(KashSimulator simulator, String orderId) {
        return to(simulator, orderId).size();
    }
}
