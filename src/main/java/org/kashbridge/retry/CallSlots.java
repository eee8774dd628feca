package org.kashbridge.retry;

import java.util.concurrent.Semaphore;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most kash.concurrency editOrder calls in flight, all sources together. A slot is held for one attempt
 * of the call while it is in flight: not while a retry waits, nor for validation, the ledger or the outcome,
 * so the threads that prepare and finish edits can outnumber the calls and keep every slot busy. Fair:
 * callers get slots in arrival order.
 */
@Singleton
public class CallSlots {

    private final Semaphore slots;
    private final int count;

    public CallSlots(@ConfigProperty(name = "kash.concurrency") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalStateException("KASH_CONCURRENCY must be at least 1, got " + concurrency);
        }
        this.slots = new Semaphore(concurrency, true);
        this.count = concurrency;
    }

    /** kash.concurrency: how many calls may be in flight at once. */
    public int count() {
        return count;
    }

    public void run(Runnable call) {
        slots.acquireUninterruptibly();
        try {
            call.run();
        } finally {
            slots.release();
        }
    }
}
