package org.kashbridge.ledger;

/**
 * What the ledger decided for an edit key, atomically: send it (this caller holds the claim) or answer without
 * sending, and why.
 */
public record ClaimResult(Decision decision, LedgerEntry entry, long claim, OrderBlock blocker) {

    public enum Decision {
        /** Claimed: this caller sends it. {@link #entry} is the key's earlier row (FAILED, REJECTED, or IN_FLIGHT of a crashed bridge), or null. */
        SEND,
        /** The key succeeded before ({@link #entry}): not sent again. */
        DUPLICATE,
        /** No key of its own, but the same content succeeded before under {@link #entry}'s key. */
        DUPLICATE_CONTENT,
        /** The sender's key was used for another edit ({@link #entry}) that was applied, may have been, or is being sent. */
        CONFLICT,
        /** The key waits for an operator's review. */
        UNDER_REVIEW,
        /** A bridge stopped while sending it and repeating it is not harmless: now AMBIGUOUS, under review. */
        CRASHED_AMBIGUOUS,
        /** An earlier edit of the same order ({@link #blocker}) failed and is not resolved: held back, FAILED. */
        BLOCKED,
        /** Another live call holds the key: wait for its outcome. */
        BUSY
    }

    static ClaimResult of(Decision d, LedgerEntry entry) {
        return new ClaimResult(d, entry, 0, null);
    }
}
