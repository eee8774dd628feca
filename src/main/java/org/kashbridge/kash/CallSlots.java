package org.kashbridge.kash;

import java.util.concurrent.Semaphore;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.kashbridge.config.KashConfig;

/**
 * The {@code policy} around the editOrder request in routes/pipeline.camel.yaml: at most kash.concurrency calls
 * in flight, all sources together. A slot is held for one attempt while it is in flight: not while a retry
 * waits, nor for validation, the ledger or the outcome, so the threads that prepare and finish edits can
 * outnumber the calls and keep every slot busy. Fair: callers get slots in arrival order. A policy because the
 * request inside must run while the slot is held; the exchange property {@value #STARTED} is when it was sent.
 */
@Singleton
@Named("callSlot")
@Unremovable
public class CallSlots implements Policy {

    /** System.nanoTime() when the attempt got its slot and was sent (the call's latency is measured from it). */
    public static final String STARTED = "kashCallStarted";

    private final Semaphore slots;
    private final int count;

    @Inject
    public CallSlots(KashConfig kash) {
        this(kash.concurrency());
    }

    CallSlots(int concurrency) {
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

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        AsyncProcessor call = AsyncProcessorConverterHelper.convert(processor);
        return exchange -> {
            slots.acquireUninterruptibly();
            try {
                exchange.setProperty(STARTED, System.nanoTime());
                call.process(exchange); // synchronously: the slot is released when the reply (or failure) is in
            } finally {
                slots.release();
            }
        };
    }
}
