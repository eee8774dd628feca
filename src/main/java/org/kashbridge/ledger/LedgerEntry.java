package org.kashbridge.ledger;

/**
 * One edit key's row: its state, the order it edits, the fingerprint of the content sent, the outcome (JSON,
 * to answer later duplicates with the original reply), the edit itself (JSON, for review and replay), the
 * attempts made, and while IN_FLIGHT the instance holding the claim. Times are epoch milliseconds.
 */
public record LedgerEntry(String key, LedgerState state, Long orderId, String fingerprint, String outcome, String edit,
        int attempts, String owner, Long claim, long createdAt, long updatedAt) {

    public java.time.Instant updated() {
        return java.time.Instant.ofEpochMilli(updatedAt);
    }
}
