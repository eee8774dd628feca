package org.kashbridge.delivery;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fair locks striped by orderID: edits of the same order reach Kash one at a time, in arrival order, and a later
 * edit waits while an earlier one is being retried. Two orders rarely share a stripe; when they do, one merely
 * waits for the other.
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

    /** Runs {@code work} holding the order's lock; returns false, without running it, if the deadline (epoch ms) passes first. */
    public boolean run(long orderID, long deadline, Runnable work) {
        ReentrantLock lock = locks[Math.floorMod(Long.hashCode(orderID) * 0x9E3779B9, STRIPES)];
        try {
            if (deadline == Long.MAX_VALUE) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
