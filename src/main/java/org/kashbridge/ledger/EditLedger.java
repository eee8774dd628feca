package org.kashbridge.ledger;

import java.util.List;
import java.util.Optional;

/** Durable record of every idempotency key: what makes "never sent twice" hold across restarts. */
public interface EditLedger extends AutoCloseable {

    Optional<LedgerEntry> find(String key);

    /** A SUCCEEDED entry with this content fingerprint, whatever its key. */
    Optional<LedgerEntry> findSucceededByFingerprint(String fingerprint);

    /** Writes the entry durably (replacing the key's previous state) before returning. */
    void record(LedgerEntry entry);

    /**
     * Writes the entry (visible to {@link #find} at once) but may return before it is on disk; the next
     * {@link #record} or {@link #sync} makes it durable. For an edit's final state when whoever waits for
     * the outcome syncs before acting on it (a file's report): a crash in between leaves the key
     * IN_FLIGHT, which is handled conservatively (review for payments).
     */
    default void recordSoon(LedgerEntry entry) {
        record(entry);
    }

    /** Makes every entry written so far durable. */
    default void sync() {
    }

    /** Syncs and releases the ledger's files or connections. */
    @Override
    default void close() {
    }

    List<LedgerEntry> inState(LedgerState state);
}
