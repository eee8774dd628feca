package org.kashbridge.ledger;

import java.util.List;
import java.util.Optional;

/** Durable record of every idempotency key: what makes "never sent twice" hold across restarts. */
public interface EditLedger {

    Optional<LedgerEntry> find(String key);

    /** A SUCCEEDED entry with this content fingerprint, whatever its key. */
    Optional<LedgerEntry> findSucceededByFingerprint(String fingerprint);

    /** Writes the entry durably (replacing the key's previous state) before returning. */
    void record(LedgerEntry entry);

    List<LedgerEntry> inState(LedgerState state);
}
