package org.kashbridge.retry;

import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fair locks striped by orderID: edits of the same order reach Kash one at a time, in arrival order, and
 * a later edit waits while an earlier one is being retried. Two orders rarely share a stripe; when they
 * do, one merely waits for the other.
 */
@ApplicationScoped
public class OrderLocks {

    private static final int STRIPES = 4096;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public OrderLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    public void run(long orderID, Runnable work) {
        ReentrantLock lock = locks[Math.floorMod(Long.hashCode(orderID) * 0x9E3779B9, STRIPES)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
