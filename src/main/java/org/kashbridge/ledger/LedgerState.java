package org.kashbridge.ledger;

/** What the ledger knows of an idempotency key. */
public enum LedgerState {
    /** About to be sent, or being sent: after a crash, it may or may not have reached Kash. */
    IN_FLIGHT,
    /**
     * Claimed, and its holder waits to try again: its last attempt did not reach Kash (refused, 5xx, 429), or
     * repeating it is harmless. After a crash it is sent again, whatever it is.
     */
    RETRY_WAIT,
    SUCCEEDED,
    REJECTED,
    FAILED,
    /** May have been applied; waits for an operator's decision. */
    AMBIGUOUS
}
