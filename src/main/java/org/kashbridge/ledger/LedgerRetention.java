package org.kashbridge.ledger;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;

/**
 * Keeps the ledger bounded (routes/ledger.camel.yaml): keys that ended SUCCEEDED, REJECTED or FAILED longer than
 * kash.ledger.retention ago are forgotten, a batch at a time; AMBIGUOUS and IN_FLIGHT keys stay until resolved.
 * A file dropped again after that is sent again.
 */
@ApplicationScoped
@Named("ledgerRetention")
@Unremovable
public class LedgerRetention {

    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);
    private static final int BATCH = 10_000;

    @Inject
    KashConfig kash;
    @Inject
    EditLedger ledger;

    /** Returns how many keys were forgotten. */
    public long purge() {
        long cutoff = System.currentTimeMillis() - kash.ledger().retention().toMillis();
        long removed = 0;
        for (int n = BATCH; n == BATCH;) {
            n = ledger.purge(cutoff, BATCH);
            removed += n;
        }
        if (removed > 0) {
            LOG.infof("ledger: forgot %d keys that ended before %s (kash.ledger.retention %s)", removed,
                    java.time.Instant.ofEpochMilli(cutoff), kash.ledger().retention());
        }
        return removed;
    }
}
