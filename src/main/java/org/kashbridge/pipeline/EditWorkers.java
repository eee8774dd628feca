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
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The threads that send a file's edits: kash.concurrency of them, so that many edits are in flight at once. */
@ApplicationScoped
public class EditWorkers {

    @ConfigProperty(name = "kash.concurrency")
    int concurrency;

    @Produces
    @Named("kashEditWorkers")
    @ApplicationScoped
    @Unremovable
    ExecutorService workers() {
        if (concurrency < 1) {
            throw new IllegalStateException("KASH_CONCURRENCY must be at least 1, got " + concurrency);
        }
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
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
