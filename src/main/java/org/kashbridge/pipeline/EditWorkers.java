package org.kashbridge.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kashbridge.kash.CallSlots;

/**
 * The threads that carry a file's lanes: three times kash.concurrency, so that while kash.concurrency calls
 * are in flight ({@link org.kashbridge.kash.CallSlots}) other lanes validate, record and archive their edits
 * and the next call starts the moment a slot frees, even while a ledger sync holds up many lanes at once
 * (three times kept the slots busier than twice: bench/RESULTS.md); one for KASH_CONCURRENCY=1.
 */
@ApplicationScoped
public class EditWorkers {

    @Inject
    CallSlots slots;

    @Produces
    @Named("kashEditWorkers")
    @ApplicationScoped
    @Unremovable
    ExecutorService workers() {
        int concurrency = slots.count();
        AtomicInteger n = new AtomicInteger();
        // one slot, one lane: KASH_CONCURRENCY=1 keeps a whole file in the order of its first rows
        int threads = concurrency == 1 ? 1 : 3 * concurrency;
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "kash-edit-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void close(@Disposes @Named("kashEditWorkers") ExecutorService workers) {
        workers.shutdown();
    }
}
