package org.kashbridge.ledger;

import java.time.Instant;

/**
 * One idempotency key's record: its state, the fingerprint of the content sent, the outcome (JSON, for
 * answering duplicates with the original reply), the edit itself (JSON, for review and replay) and the
 * number of attempts made.
 */
public record LedgerEntry(String key, LedgerState state, String fingerprint, String outcome, String edit, int attempts,
        Instant updated) {
}
