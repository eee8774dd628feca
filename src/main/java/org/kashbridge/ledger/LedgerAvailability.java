package org.kashbridge.ledger;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Whether the ledger answers. While it does not, every ledger step waits (with a backoff) instead of failing,
 * so nothing is sent, no JMS delivery is rolled back and no file is given up; readiness is DOWN until the
 * store answers again.
 */
@ApplicationScoped
public class LedgerAvailability {

    private static final Logger LOG = Logger.getLogger(LedgerAvailability.class);
    static final long FIRST_DELAY_MS = 100;
    static final long MAX_DELAY_MS = 5000;

    private volatile long downSince;
    private volatile String cause;
    private volatile String store = "the ledger";

    void describe(String store) {
        this.store = store;
    }

    void answered() {
        long since = downSince;
        if (since != 0) {
            downSince = 0;
            LOG.infof("%s answers again after %d ms: edits resume", store, System.currentTimeMillis() - since);
        }
    }

    void failed(Throwable e) {
        cause = describe(e);
        if (downSince == 0) {
            downSince = System.currentTimeMillis();
            LOG.errorf("%s does not answer (%s): nothing is sent and sources are held back until it does", store,
                    cause);
        }
    }

    public boolean isUp() {
        return downSince == 0;
    }

    /** Sleeps before the next try: doubling from 100 ms to 5 s. Returns the next delay. */
    static long pause(long delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for the ledger", e);
        }
        return Math.min(delay * 2, MAX_DELAY_MS);
    }

    LedgerUnavailableException unavailable(Throwable e) {
        return new LedgerUnavailableException(store + " does not answer" + (downSince == 0 ? ""
                : " since " + Instant.ofEpochMilli(downSince)) + " (" + describe(e) + "): nothing was sent; try again",
                e);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** For the readiness check. */
    HealthCheckResponse health() {
        long since = downSince;
        var b = HealthCheckResponse.named("kash-ledger").withData("store", store);
        return since == 0 ? b.up().build()
                : b.down().withData("since", Instant.ofEpochMilli(since).toString())
                        .withData("cause", String.valueOf(cause))
                        .build();
    }
}
